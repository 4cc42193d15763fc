// Every deck, embed and exercise sheet: see page-checks.ts.
import { isToolRoute, pageChecks } from './page-checks';

pageChecks(isToolRoute);
