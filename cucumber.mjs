// The default profile, for running cucumber-js directly and for editors. `kubesim test` (npm start,
// npm run features) loads the same steps itself, from the kubesim package, in the same order.
// Unit tests beside the steps (*.test.ts) are not step files, so the glob leaves them out.
export default {
  import: ['steps/00-register-tsx.mjs', 'steps/**/!(*.test).ts'],
  format: ['progress', 'html:reports/cucumber.html', 'json:reports/cucumber.json', 'junit:reports/junit.xml'],
  formatOptions: { junit: { suiteName: 'kubesim' } },
};
