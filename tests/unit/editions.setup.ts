// Unit tests render figures and read words in both editions, as the build does: every language's
// figure, figure-kit and parameter words are registered before any test runs.
import '../../src/i18n/editions';
