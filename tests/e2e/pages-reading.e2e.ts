// Every English reading page (home, chapters, calculator, references): see page-checks.ts.
import { isToolRoute, pageChecks } from './page-checks';

pageChecks((route) => !isToolRoute(route) && !route.startsWith('/zh/'));
