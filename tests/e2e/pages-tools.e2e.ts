// Every embed and exercise sheet: see page-checks.ts.
import { isDeckRoute, isToolRoute, pageChecks } from './page-checks';

pageChecks((route) => isToolRoute(route) && !isDeckRoute(route));
