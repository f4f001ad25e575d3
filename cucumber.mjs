// The default profile: the bundled scenarios in features/, the bundled steps, and the reports.
export default {
  import: ['steps/00-register-tsx.mjs', 'steps/**/*.ts'],
  format: ['progress', 'html:reports/cucumber.html', 'json:reports/cucumber.json', 'junit:reports/junit.xml'],
  formatOptions: { junit: { suiteName: 'kubesim' } },
};
