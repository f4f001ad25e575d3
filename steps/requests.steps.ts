/**
 * Traffic (STEPS.md "Services and traffic"): requests to Services, node ports and port-forwards.
 * The simulated network lands with the services issue; until then these phrases fail loudly.
 */
import { Then, When } from '@cucumber/cucumber';
import { notSupportedYet } from './support/not-supported.js';

When('I send {int} request(s) to {string}', (count: number, url: string) => {
  notSupportedYet(`I send ${count} request(s) to "${url}"`, 'services');
});

Then('all requests should succeed', () => {
  notSupportedYet('all requests should succeed', 'services');
});

Then('{int} request(s) should fail', (count: number) => {
  notSupportedYet(`${count} request(s) should fail`, 'services');
});

Then('the requests should have reached {int} different pod(s)', (count: number) => {
  notSupportedYet(`the requests should have reached ${count} different pod(s)`, 'services');
});

Then('the response status should be {int}', (status: number) => {
  notSupportedYet(`the response status should be ${status}`, 'services');
});
