/** The words of the channel-shuffle figure, English edition (figures.en.ts gathers every figure's; figures.zh.ts has the Chinese). */
export const channelShuffleEn = {
  title: 'Channel shuffle: mixing groups for free',
  source: 'Connectivity of two stacked grouped 1×1 layers, with the channel shuffle of Zhang et al. 2018 (ShuffleNet), §3.1.',
  svgTitle: 'Two stacked grouped layers, without and with a channel shuffle',
  and: ' and ',
  listSep: ', ',
  outputAria: (c: string, many: boolean, ranges: string) => `Output ${c} sees input${many ? 's' : ''} ${ranges}`,
  layer1: 'layer 1',
  layer2: 'layer 2',
  shuffle: 'shuffle',
  noShuffle: 'no shuffle',
  eachSees: 'Each output sees ',
  ofInputs: (c: string) => ` of ${c} inputs`,
  weights: 'Weights: ',
  shuffleAddsNone: ' (the shuffle adds none)',
  summary: (c: string, g: string, n: string, plain: string, shuffled: string, params: string) =>
    `C = ${c} channels in G = ${g} groups of ${n}: without a shuffle each output of the second layer sees ${plain} of the ${c} inputs, with it ${shuffled}. Both stacks have ${params} weights.`,
  desc: (summary: string) => `${summary} Lines are coloured by the first-layer group whose inputs they carry (Zhang et al. 2018, Fig. 1).`,
  groupsOf: (n: number) => ` groups of ${n} channel${n === 1 ? '' : 's'}, C = `,
  without: 'Without shuffle',
  with: 'With channel shuffle',
};
