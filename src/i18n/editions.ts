/**
 * Every edition's words for the figures, the figure kit and the parameters, registered: for the
 * build (which renders both editions) and the unit tests. Never imported by a browser script: a
 * page loads only its own language (figures.load.ts).
 */
import './figures.zh.register';
