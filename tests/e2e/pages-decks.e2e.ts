// Every lecture deck and the lecture index of both editions: see page-checks.ts.
import { isDeckRoute, pageChecks } from './page-checks';

pageChecks(isDeckRoute);
