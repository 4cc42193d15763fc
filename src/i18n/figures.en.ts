/**
 * The words of the figures, English edition: titles, sources, labels, captions, descriptions and
 * the summaries read to screen readers. Numbers arrive already formatted (src/lib/format); a
 * string that needs them is a function. figures.zh.ts has the same shape.
 *
 * Each figure's words live in figures/<id>.en.ts, so a figure's code carries only its own; this
 * object gathers them for the build, the tests and the type the Chinese edition must match.
 */
import { activationsEn } from './figures/activations.en';
import { arithmeticIntensityEn } from './figures/arithmetic-intensity.en';
import { blockShapesEn } from './figures/block-shapes.en';
import { channelShuffleEn } from './figures/channel-shuffle.en';
import { convGeometryEn } from './figures/conv-geometry.en';
import { convStepsEn } from './figures/conv-steps.en';
import { costBarsEn } from './figures/cost-bars.en';
import { inceptionContinuumEn } from './figures/inception-continuum.en';
import { ratioCurvesEn } from './figures/ratio-curves.en';
import { reluManifoldEn } from './figures/relu-manifold.en';
import { tradeoffEn } from './figures/tradeoff.en';
import { v1ArchitectureEn } from './figures/v1-architecture.en';
import { v2ArchitectureEn } from './figures/v2-architecture.en';
import { xceptionFlowEn } from './figures/xception-flow.en';

export const figuresEn = {
  activations: activationsEn,
  arithmeticIntensity: arithmeticIntensityEn,
  blockShapes: blockShapesEn,
  channelShuffle: channelShuffleEn,
  convGeometry: convGeometryEn,
  convSteps: convStepsEn,
  costBars: costBarsEn,
  inceptionContinuum: inceptionContinuumEn,
  ratioCurves: ratioCurvesEn,
  reluManifold: reluManifoldEn,
  tradeoff: tradeoffEn,
  v1Architecture: v1ArchitectureEn,
  v2Architecture: v2ArchitectureEn,
  xceptionFlow: xceptionFlowEn,
  // @@NEXT
};

export type FigureStrings = typeof figuresEn;
