/**
 * 图的文字（中文版）：与 figures.en.ts 结构相同。每个图的文字在 figures/<id>.zh.ts，
 * 中文页面只下载页面上用到的那几个图的文字。
 */
import type { FigureStrings } from './figures.en';
import { activationsZh } from './figures/activations.zh';
import { arithmeticIntensityZh } from './figures/arithmetic-intensity.zh';
import { blockShapesZh } from './figures/block-shapes.zh';
import { channelShuffleZh } from './figures/channel-shuffle.zh';
import { convGeometryZh } from './figures/conv-geometry.zh';
import { convStepsZh } from './figures/conv-steps.zh';
import { costBarsZh } from './figures/cost-bars.zh';
import { inceptionContinuumZh } from './figures/inception-continuum.zh';
import { ratioCurvesZh } from './figures/ratio-curves.zh';
import { reluManifoldZh } from './figures/relu-manifold.zh';
import { tradeoffZh } from './figures/tradeoff.zh';
import { v1ArchitectureZh } from './figures/v1-architecture.zh';
import { v2ArchitectureZh } from './figures/v2-architecture.zh';
import { xceptionFlowZh } from './figures/xception-flow.zh';

export const figuresZh: FigureStrings = {
  activations: activationsZh,
  arithmeticIntensity: arithmeticIntensityZh,
  blockShapes: blockShapesZh,
  channelShuffle: channelShuffleZh,
  convGeometry: convGeometryZh,
  convSteps: convStepsZh,
  costBars: costBarsZh,
  inceptionContinuum: inceptionContinuumZh,
  ratioCurves: ratioCurvesZh,
  reluManifold: reluManifoldZh,
  tradeoff: tradeoffZh,
  v1Architecture: v1ArchitectureZh,
  v2Architecture: v2ArchitectureZh,
  xceptionFlow: xceptionFlowZh,
  // @@NEXT
};
