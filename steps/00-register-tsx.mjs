// Cucumber imports its `import` entries in order; this one comes first so that the TypeScript
// step files after it load through tsx, with no build step. bin/kubesim.mjs imports it too (an
// ES module runs once per process, so cucumber's import of it then does nothing); cucumber's
// parallel workers are new processes and run it themselves.
import { fileURLToPath } from 'node:url';
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

// kubesim's own tsconfig, not the working directory's: the user's repository may have another.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
// A user's own .ts step files in a CommonJS package (no "type": "module") load through require.
registerCommonJs();
