/** core/v1 Events: metadata only (ValidateEvent's involvedObject rules are not enforced). */
import type { KindStrategy } from '../strategy.js';
import { validateObjectMeta } from '../validation/meta.js';
import { nameIsDNSSubdomain } from '../validation/names.js';

export const eventStrategy: KindStrategy = {
  kind: 'Event',
  validate: (obj) => validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain),
};
