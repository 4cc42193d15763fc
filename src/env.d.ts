/// <reference types="astro/client" />

declare namespace App {
  /** What a page hands to the components it renders (build time only). */
  interface Locals {
    /** The page's parameter defaults, which figures and live blocks start from. */
    defaults?: import('./lib/params').ParamValues;
    /** The page's edition; components pick their words by it (English when unset). */
    lang?: import('./lib/locale').Lang;
    /** How many copies of each figure the page has rendered so far (for unique anchors). */
    anchors?: Map<string, number>;
  }
}
