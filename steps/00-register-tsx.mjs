// Cucumber imports its `import` entries in order; this one comes first so that the TypeScript
// step files after it load through tsx, with no build step.
import { register } from 'tsx/esm/api';

register();
