/**
 * 练习（“自测”）的文字，中文版。结构与 exercises.en.ts 相同，数字由 exerciseData 给出
 * （已格式化的字符串 `v.name`）；术语取自 glossary.ts。`$…$` 内为 TeX，与英文版一致。
 */
import type { ExerciseWords } from './exercises.en';

export const exercisesZh: ExerciseWords = {
  sheetDescription: (chapterTitle: string) => `“${chapterTitle}”一章的可打印练习，题中数字由题组编号生成。`,
  verdict: {
    unreadable: '请写一个数，例如 4608、4,608、1.2e6、3/512 或 11.3%。',
    closeExact: '很接近，但不对：这个计数是精确值。请逐个核对每个因子的算术。',
    close3sf: '很接近，但不对：请给出三位有效数字。请逐个核对每个因子的算术。',
    notYet: '还不对。先写出公式，再代入数字。',
  },
  // 读者在数字后面可能写的单位（都不改变数值）。
  answerUnits: {
    参数: 1,
    个参数: 1,
    权重: 1,
    个权重: 1,
    乘加: 1,
    次乘加: 1,
    乘加次数: 1,
    次: 1,
    个: 1,
    像素: 1,
    个像素: 1,
    通道: 1,
    个通道: 1,
    字节: 1,
    个点: 1,
    倍: 1,
  },
  sets: {
    // 第 1 章：标准卷积（Howard 等，2017，§3.1，式 1–2）。
    'standard-convolution': {
      params: {
        title: '标准卷积层的参数量',
        prompt: (v) => `一个标准卷积层使用 ${v.k}×${v.k} 的卷积核，有 M = ${v.m} 个输入通道和 N = ${v.n} 个输出通道，不带偏置。它有多少个权重？`,
        unit: '参数',
        slips: {
          oneInputChannel: 'N 个卷积核中的每一个都覆盖全部 M 个输入通道：还要再乘以 M。',
          kernelNotSquared: '卷积核的大小是 $D_K$ × $D_K$：卷积核尺寸要取平方。',
          bias: '这里把每个输出通道的偏置也算进去了；题目不计偏置。',
          oneKernel: '这只是一个卷积核。这一层共有 N 个。',
        },
      },
      'output-size': {
        title: '步长为 2 时的输出尺寸',
        prompt: (v) => `同一层以步长 s = 2、“same”填充作用在 ${v.df}×${v.df} 的输入上。输出的边长 $D_G$ 是多少？`,
        unit: '像素',
        slips: {
          noStride: '步长为 2 时，卷积核每次移动两个像素：$D_G$ = ⌈$D_F$ / s⌉，而不是 $D_F$。',
          area: '$D_G$ 是输出的边长，不是面积。',
        },
      },
      'macs-strided': {
        title: '步长为 2 时的乘加次数',
        prompt: (v) => `这个步长为 2 的层（${v.k}×${v.k}，M = ${v.m}，N = ${v.n}，输入 ${v.df}×${v.df}）需要多少次乘加？给出三位有效数字即可。`,
        unit: '乘加次数',
        slips: {
          usedDf: '你用的是 $D_F$；每个输出像素的开销是 $D_K^2$·M·N，而输出共有 $D_G$ × $D_G$ 个像素。',
          flops: '这是乘加次数的 2 倍，即某种约定下的 FLOPs。题目问的是乘加次数。',
        },
      },
      'kernel-doubling': {
        title: '更大的卷积核',
        prompt: '先猜一猜：卷积核从 3×3 增大到 6×6，其余不变。这一层的乘加次数会怎样？',
        choices: ['翻倍', '变为 4 倍', '变为 9 倍', '不变'],
        explanation: '开销随 $D_K^2$ 增长，而 (6/3)² = 4。图中标准卷积层的柱条恰好按这个倍数变化。',
      },
      flops: {
        title: 'FLOPs 与乘加次数',
        prompt: '一篇论文报告某网络有“569M FLOPs”，而你数出它的乘加次数是 569M。哪个对？',
        choices: [
          { text: '论文写错了：FLOPs 总是乘加次数的两倍。', why: '两种约定并存。He 等（2016）给出的 FLOPs 明确注明指的是乘加次数：许多论文说 FLOPs，指的其实就是乘加次数。' },
          { text: '两者都可能对：在这类文献里，“FLOPs”常常指乘加次数；要看论文用的是哪种约定。', why: '对。把乘法和加法分开计数，得到的是乘加次数的 2 倍；许多论文（包括 MobileNet V2 的表 4）每次乘加只计一次。' },
          { text: 'FLOPs 包含偏置和批归一化，所以一定更大。', why: '这些论文的两种约定都不把偏置或批归一化计入。' },
        ],
      },
    },
    // 第 2 章：分组卷积（Krizhevsky 等，2012；Xie 等，2017）。
    'grouped-convolution': {
      params: {
        title: '分组后的参数量',
        prompt: (v) => `一个 3×3 分组卷积有 M = ${v.m} 个输入通道、N = ${v.n} 个输出通道，分为 G = ${v.g} 组，不带偏置。它有多少个权重？`,
        unit: '参数',
        slips: {
          standard: '这是标准卷积层的参数量。每一组只看到 M/G 个输入，产生 N/G 个输出。',
          dividedTwice: '除以 G² 忽略了一共有 G 组，每组都有自己的 (M/G)·(N/G) 个卷积核。',
          multiplied: '分组会降低开销：应除以 G，而不是乘以 G。',
        },
      },
      saving: {
        title: '便宜多少',
        prompt: (v) => `把这一层分成 G = ${v.g} 组，乘加次数会减少多少倍？`,
        unit: '×',
        slips: { squared: '每组的开销是整层的 (1/G)²，但一共有 G 组：G² 再除以 G，剩下 G。' },
      },
      seen: {
        title: '一个输出能看到什么',
        prompt: '在这个分组卷积层里，一个输出通道读取多少个输入通道？',
        unit: '通道',
        slips: { standard: '只有标准卷积层（G = 1）才是这样。分组后，一个输出只能看到本组的 M/G 个输入。' },
      },
      depthwise: {
        title: '分组卷积何时就是深度卷积？',
        prompt: (v) => `一个 G = M = ${v.m} 的分组卷积。它是深度卷积吗？`,
        choices: [
          { text: '是的，无论 N 是多少。', why: '当 G = M 时，每组只有一个输入通道，但有 N/G 个输出。只有 N = M 时它才是深度卷积（每个通道一个滤波器）；N = k·M 时，它是通道乘子为 k 的深度卷积。' },
          { text: '只有 N = M 时才是（或 N = k·M，即通道乘子为 k 的深度卷积）。', why: '对：每个输入通道有自己的 N/M 个滤波器，通道之间不做任何混合。' },
          { text: '不是：深度卷积和分组卷积是两种不同的运算。', why: '它就是 G = M 这一极端情形下的同一种运算；各框架也是这样实现的（例如 PyTorch 的 groups=in_channels）。' },
        ],
      },
      stack: {
        title: '连续两个分组卷积层',
        prompt: '先猜一猜：把两个 G 相同的分组卷积层叠在一起。第二层的某个输出能看到所有输入通道吗？',
        choices: ['能，两层就把所有通道混合了', '不能，每个输出仍然只能看到本组'],
        explanation: '各组在层与层之间一一对齐，信息从不跨组流动；连接关系始终是块对角的。ShuffleNet（Zhang 等，2018）用通道混洗来解决这个问题。',
      },
    },
    // 第 3 章：深度可分离卷积（Howard 等，2017，§3.1，式 3–5）。
    'depthwise-separable': {
      params: {
        title: '深度可分离卷积层的参数量',
        prompt: (v) => `一个深度可分离卷积层：先在 M = ${v.m} 个通道上做 ${v.k}×${v.k} 深度卷积，再用 1×1 逐点卷积变为 N = ${v.n} 个通道，不带偏置。一共有多少个权重？`,
        unit: '参数',
        slips: {
          pointwiseOnly: '这只是逐点卷积部分：还要加上深度卷积的滤波器，$D_K^2$·M。',
          depthwiseOnly: '这只是深度卷积部分：还要加上 1×1 逐点卷积的权重，M·N。',
          standard: '这是它所替代的标准卷积层。',
          multiplied: '这里把两部分相乘了；两层先后执行，所以权重应该相加。',
        },
      },
      ratio: {
        title: '开销之比',
        prompt: (v) => `对这一层（$D_K$ = ${v.k}，N = ${v.n}），深度可分离卷积的乘加次数是标准卷积层的几分之几？可以写分数、小数或百分数。`,
        unit: '占标准层开销的比例',
        slips: {
          pointwiseShare: '这只是 $1/D_K^2$，即逐点卷积所占的份额：深度卷积还要加上 1/N。',
          depthwiseShare: '这只是 1/N，即深度卷积所占的份额：逐点卷积还要加上 $1/D_K^2$。',
          speedup: '这是加速比（标准 ÷ 可分离）。题目问的是可分离 ÷ 标准。',
        },
      },
      'large-n': {
        title: '很宽的层',
        prompt: '先猜一猜：卷积核为 3×3，N 从 64 增大到 1024。可分离 ÷ 标准的开销之比会怎样？',
        choices: ['一直下降，趋于 0', '趋于平稳，接近 1/9', '回升，趋于 1'],
        explanation: '随着 N 增大，1/N + $1/D_K^2$ 趋于 $1/D_K^2$ = 1/9 ≈ 0.111：逐点卷积所占的份额 $1/D_K^2$ 决定了下限。',
      },
      'k-squared': {
        title: '深度可分离卷积省下多少？',
        prompt: '一位同学说：“深度可分离卷积层比标准卷积层省下 $D_K^2$ 倍。”哪种说法对？',
        choices: [
          { text: '对，正好是 $D_K^2$ 倍。', why: '比值是 1/N + $1/D_K^2$，而不是 $1/D_K^2$：1/N 这一项始终存在，所以节省的倍数略小于 $D_K^2$（MobileNet 中的 3×3 卷积约为 8–9 倍）。' },
          { text: '是 1/(1/N + $1/D_K^2$) 倍：只有 N 很大时才接近 $D_K^2$。', why: '对。N = 64、$D_K$ = 3 时是 576/73 ≈ 7.9 倍。' },
          { text: '是 N 倍，因为逐点卷积是 1×1 的。', why: '单独的逐点卷积开销是标准卷积的 $1/D_K^2$，深度卷积是 1/N：合计 1/N + $1/D_K^2$，所以节省的倍数受 $D_K^2$ 限制，而不是 N。' },
        ],
      },
    },
    // 第 4 章：MobileNet V1（Howard 等，2017，表 1，§4）。
    'mobilenet-v1': {
      macs: {
        title: '给定 α 和 ρ 时的乘加次数',
        prompt: (v) => `宽度乘子 α = ${v.alpha}、输入 ${v.res}×${v.res}（ρ = ${v.res}/224）的 MobileNet V1 有多少次乘加？给出三位有效数字（例如 186M）。`,
        unit: '乘加次数',
        slips: {
          estimate: (v) => `这是由 ${v.fullMacs} 按 α²ρ² 得到的估计值。精确计数与之不同：通道数向下取整，而且第一层保持 3 个输入通道。`,
          linear: '开销随 α² 和 ρ² 下降，而不是 α 和 ρ：每一层的输入和输出都变小了。',
          flops: '这是乘加次数的 2 倍（某种约定下的 FLOPs）。',
        },
        solution: (v) => [
          `\\text{表 1 的 28 层在 } \\alpha = ${v.alpha},\\ ${v.res}\\times${v.res} \\text{ 时之和} = ${v.netMacsTex}`,
          `\\text{对比 } \\alpha^2\\rho^2 \\cdot ${v.fullMacsTex} \\approx ${v.estimateTex}`,
        ],
      },
      params: {
        title: '给定 α 和 ρ 时的参数量',
        prompt: (v) => `同一个网络（α = ${v.alpha}，${v.res}×${v.res}）：包括分类器的偏置在内，有多少个参数？给出三位有效数字。`,
        unit: '参数',
        slips: { resolution: '参数量与输入分辨率无关：ρ 改变的是开销，而不是权重。' },
        solution: (v) => [`\\alpha = ${v.alpha} \\text{ 时的权重（与分辨率无关）} = ${v.paramsTex}`],
      },
      'pointwise-share': {
        title: '开销花在哪里',
        prompt: '在 MobileNet V1 中，哪些层承担了大部分乘加？',
        choices: [
          { text: '3×3 深度卷积层：空间方向的计算都在这里。', why: '深度卷积层只占约 3% 的乘加次数（表 2）：每个通道一个滤波器，开销很小。' },
          { text: '1×1 逐点卷积层：约占 95% 的乘加次数。', why: '对（Howard 等，2017，表 2）。“1×1 卷积很便宜”正是误区：它们要混合所有通道，而且数量很多。' },
          { text: '全连接分类器。', why: '分类器约占四分之一的参数量，但乘加次数远不到 1%。' },
        ],
      },
      'alpha-half': {
        title: '宽度减半',
        prompt: '先猜一猜：α 从 1 变为 0.5。乘加次数大约会怎样？',
        choices: ['约为一半', '约为四分之一', '约为八分之一'],
        explanation: '每一层的开销约为 (αM)·(αN)：α² = 0.25。架构图中的总数降到约四分之一。',
      },
    },
    // 第 5 章：线性瓶颈（Sandler 等，2018，§3.2，图 1）。
    'linear-bottlenecks': {
      lost: {
        title: '丢失了多少',
        prompt: (v) => `一个二维点经随机矩阵映射到 n = ${v.n} 维，再经过 ReLU。少于两个坐标保持为正（因而这个点无法恢复）的概率约为 (1 + n)/2ⁿ。n = ${v.n} 时它是多少？`,
        unit: '点的比例',
        slips: { allNegative: '这是 n 个坐标全为负的概率。恰好只有一个坐标为正的点也会丢失：还要加上 n/2ⁿ。' },
      },
      'points-lost': {
        title: '预计丢失的点数',
        prompt: (v) => `螺旋线有 ${v.points} 个点，在 n = ${v.n2} 维中经过 ReLU。按同样的估计，大约有多少个点丢失？给出三位有效数字。`,
        unit: '个点',
        slips: { noPositive: '这只算了没有任何正坐标的点。只有一个正坐标也不够：请用 (1 + n)/2ⁿ。' },
      },
      'spiral-3': {
        title: '三维中的螺旋线',
        prompt: '先猜一猜：螺旋线在 n = 3 维中经过 ReLU 再映射回来。你预计会怎样？',
        choices: ['完整地回来', '大片区域塌缩到直线上，无法恢复', '旋转了，但完整地回来'],
        explanation: 'n = 3 时，一半的点保留的正坐标少于两个：(1 + 3)/2³ = 0.5。这些点塌缩了，无法恢复。',
      },
      'last-relu': {
        title: '投影之后的 ReLU',
        prompt: '为什么 MobileNet V2 在模块最后一个 1×1 层之后不加激活？',
        choices: [
          { text: '为了节省计算：在那里加 ReLU 太昂贵。', why: 'ReLU 几乎没有开销。原因在于信息，而不是速度。' },
          { text: '投影后的张量很窄：在那里加 ReLU 会破坏下一个模块需要的信息。', why: '对（Sandler 等，2018，§3.2、§6.4）：在低维空间中，ReLU 会使流形塌缩；实验表明线性瓶颈效果更好（图 6a）。' },
          { text: '没有区别；作者只是为了简单而省略了它。', why: '有区别：论文的消融实验（图 6a）表明，瓶颈处的 ReLU 会降低准确率。' },
        ],
      },
    },
    // 第 6 章：MobileNet V2（Sandler 等，2018，表 1，§3.3，§5）。
    'mobilenet-v2': {
      'block-params': {
        title: '倒残差模块的权重',
        prompt: (v) => `一个倒残差模块：输入 ${v.cin} 个通道，扩展因子 t = ${v.t}，一个 3×3 深度卷积，输出 ${v.cout} 个通道，步长 1，不带偏置。它有多少个权重（不计批归一化）？`,
        unit: '参数',
        slips: {
          noProjection: '你在投影之前就停下了：还要加上从 t·M 回到 N 的 1×1 卷积，即 t·M·N 个权重。',
          depthwiseNarrow: '深度卷积作用在扩展后的张量上：是 9·(t·M) 个权重，而不是 9·M。',
        },
      },
      memory: {
        title: '模块之间的内存',
        prompt: (v) => `每个数占 16 位时，存放这个模块的输入和输出张量（输入 ${v.size}×${v.size}×${v.cin}，输出 ${v.size}×${v.size}×${v.cout}）需要多少字节？`,
        unit: '字节',
        slips: {
          bits: '16 位就是每个数 2 字节。',
          expanded: '题目问的是模块的输入和输出，而不是模块内部扩展后的张量。',
        },
      },
      shortcut: {
        title: '步长为 2 时还有捷径连接吗？',
        prompt: '先猜一猜：模块的步长改为 2（输入、输出通道数相同）。它还保留恒等捷径连接吗？',
        choices: ['保留，通道数一致', '不保留：步长为 2 时输出比输入小'],
        explanation: '恒等捷径连接把输入加到输出上，所以两者形状必须相同；步长 2 会使高和宽减半（Sandler 等，2018，图 4）。',
      },
      hourglass: {
        title: '“倒”在哪里？',
        prompt: '倒残差的“倒”指的是什么？',
        choices: [
          { text: '捷径连接连接的是两头细的部分（瓶颈），模块在中间变宽。', why: '对：ResNet 是宽 → 窄 → 宽，连接两头宽的部分；V2 是窄 → 宽 → 窄，连接两头窄的部分。' },
          { text: '推理时模块按相反的顺序执行各层。', why: '没有任何东西反向执行；这个名字说的是模块的形状。' },
          { text: '残差是减去而不是加上。', why: '捷径连接就是普通的加法。' },
        ],
      },
    },
    // 第 7 章：Xception（Chollet，2017；Keras SeparableConv2D）。
    xception: {
      'sepconv-params': {
        title: 'Keras 的 SeparableConv2D',
        prompt: (v) => `Keras SeparableConv2D(${v.n}, 3) 作用在 ${v.m} 个输入通道上，使用默认的偏置。它有多少个参数？`,
        unit: '参数',
        slips: {
          noBias: 'Keras 默认给每个输出通道加一个偏置（use_bias=True）：还要加上 N。',
          standard: '这是标准的 Conv2D。深度可分离的版本有 9·M 个深度卷积权重，加上 M·N 个逐点卷积权重。',
        },
      },
      'middle-macs': {
        title: '中间流的一层',
        prompt: (v) => `中间流中的一层：3×3 深度可分离卷积，输入和输出都是 728 个通道，作用在 ${v.df}×${v.df} 的特征图上，步长 1。它有多少次乘加？给出三位有效数字。`,
        unit: '乘加次数',
        slips: {
          standard: '这是标准 3×3 卷积。深度可分离卷积层的开销是 $D_K^2$·M·$D_F^2$ + M·N·$D_F^2$。',
          pointwiseOnly: '这只是逐点卷积部分：还要加上深度卷积的 3²·728·$D_F^2$。',
        },
      },
      order: {
        title: 'Xception 与 MobileNet',
        prompt: 'Xception 的深度可分离卷积与 MobileNet 的有什么不同？',
        choices: [
          { text: '完全相同：同样的层，同样的激活。', why: 'MobileNet V1 在深度卷积和逐点卷积之后都加了批归一化和 ReLU；Xception 发现两者之间不加激活效果最好（Chollet，2017，图 10）。' },
          { text: 'Xception 在深度卷积和逐点卷积之间不加激活；MobileNet V1 在两者之后都有 BN + ReLU。', why: '对。MobileNet V2 在深度卷积之后保留 BN + ReLU6，而去掉投影之后的激活：思路相近，位置相反。' },
          { text: 'Xception 的深度卷积使用 1×1 卷积核。', why: '两者的深度卷积都用 3×3 卷积核；1×1 的是逐点卷积。' },
        ],
      },
      wide: {
        title: '层越宽，节省越多？',
        prompt: '先猜一猜：Xception 的中间流在 728 个通道上运行深度可分离卷积，MobileNet 的前几层则在 64 个通道上。相对标准 3×3 卷积层，节省的倍数相比如何？',
        choices: ['大得多：约 728 倍', '略大一些：更接近 9 倍', '相同：始终正好是 9 倍'],
        explanation: '比值是 1/N + $1/D_K^2$：1/64 + 1/9 ≈ 0.127（少 7.9 倍），而 1/728 + 1/9 ≈ 0.112（少 8.9 倍）。逐点卷积所占的份额 1/9 决定了上限。',
      },
    },
  },
};
