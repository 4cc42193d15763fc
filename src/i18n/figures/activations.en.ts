/** The words of the activations figure, English edition (figures.en.ts gathers every figure's; figures.zh.ts has the Chinese). */
export const activationsEn = {
  title: 'ReLU, ReLU6 and linear',
  source: 'Sandler et al. 2018, §3.2 and §4',
  svgTitle: 'ReLU, ReLU6 and linear activations',
  names: ['ReLU', 'ReLU6', 'linear'],
  summary: (name: string, sample: string, out: string) =>
    `${name} selected: σ(${sample}) = ${out}. ReLU is max(0, z), ReLU6 is min(max(0, z), 6), linear passes z through.`,
  desc: (summary: string) =>
    `Three activation functions σ(z) for z from −4 to 9: ReLU = max(0, z) is 0 for negative z and z above; ReLU6 = min(max(0, z), 6) also stops at 6; linear is σ(z) = z. ${summary}`,
};
