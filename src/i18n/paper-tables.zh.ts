/**
 * 原文数字核对表和误差说明的中文措辞。每一行按 id 给出“内容”和“说明”；由同一组模板生成的行
 * （表 6、表 10、TF-slim 的检查点等）由模板函数给出，模型名和数字取自数据，不重新录入。
 * 说明中的数字与英文说明中的相同（单元测试逐一核对）。
 */
import { computedText, gapSize, signedGapPercent, sourcePlace, type PaperFigure } from '../lib/paper-tables';
import type { PaperTablesWords } from './paper-tables.en';

const MACS = '乘加次数';
const PARAMS = '参数量';

/** Rows with their own words. */
const QUANTITY: Record<string, string> = {
  'v1-s31-saving-min': '“between 8 to 9 times less computation”：MobileNet 中 3×3 可分离层节省倍数的下限（N = 64）',
  'v1-s31-saving-max': '“between 8 to 9 times”：节省倍数的上限（N = 1024）',
  'v1-s32-pointwise-macs': '“95% of its computation time in 1×1 convolutions”（按乘加次数计的占比，见表 2）',
  'v1-s32-pointwise-params': '“which also has 75% of the parameters”（1×1 卷积的参数量占比）',
  'v1-t1-dw13-stride': '第 13 个深度卷积层的步长（在 7×7×1024 上做 3×3×1024 深度卷积）',
  'v1-layers': '层数，深度卷积与逐点卷积分开计（1 个卷积 + 13 × 2 + 全连接）',
  'v1-t3-standard-macs': '标准卷积：乘加次数',
  'v1-t3-standard-params': '标准卷积：参数量',
  'v1-t3-separable-macs': '深度可分离卷积：乘加次数',
  'v1-t3-separable-params': '深度可分离卷积：参数量',
  'v1-t3-alpha-macs': 'α = 0.75（M = N = 384）：乘加次数',
  'v1-t3-alpha-params': 'α = 0.75（M = N = 384）：参数量',
  'v1-t3-rho-macs': 'ρ = 0.714（D_F = 10），α = 0.75：乘加次数',
  'v1-t3-rho-params': 'ρ = 0.714，α = 0.75：参数量',
  'v1-t4-conv-macs': 'Conv MobileNet（每个可分离层都换成 3×3 标准卷积）：乘加次数',
  'v1-t4-conv-params': 'Conv MobileNet：参数量',
  'v1-s41-accuracy-cost': '“only reduces accuracy by 1%”：Conv MobileNet 与 MobileNet 的 top-1 之差（表 4，百分点）',
  'v1-t5-shallow-macs': 'Shallow MobileNet（去掉 5 个 14×14×512 的可分离层）：乘加次数',
  'v1-t5-shallow-params': 'Shallow MobileNet：参数量',
  'v1-s41-thinner': '“thinner is 3% better than shallower”：0.75 MobileNet 与 Shallow MobileNet 的 top-1 之差（表 5，百分点）',
  'v1-t7-params': '1.0 MobileNet 在任意分辨率下：参数量',
  'v1-t8-vgg-size': '比 VGG 16“32 times smaller”：138M（原文）除以 MobileNet 的参数量',
  'v1-t8-vgg-compute': '比 VGG 16“27 times less compute intensive”：15,300M（原文）除以 MobileNet 的乘加次数',
  'v1-t8-googlenet-compute': '比 GoogleNet“more than 2.5 times less computation”：1550M（原文）除以 MobileNet 的乘加次数',
  'v1-t9-0.5-160-macs': '0.50 MobileNet-160：乘加次数',
  'v1-t9-0.5-160-params': '0.50 MobileNet-160：参数量',
  'v1-t9-alexnet-size': '比 AlexNet“45× smaller”：60M（原文）除以 0.50 MobileNet-160 的参数量',
  'v1-t9-alexnet-compute': '比 AlexNet“9.4× less compute”：720M（原文）除以 0.50 MobileNet-160 的乘加次数',
  'v1-t9-squeezenet-compute': '比 Squeezenet“22× less computation”：1700M（原文）除以 0.50 MobileNet-160 的乘加次数',
  'v1-t9-alexnet-accuracy': '“4% better than AlexNet”：0.50 MobileNet-160 的 top-1 提升（百分点）',
  'v1-t9-squeezenet-accuracy': '“also 4% better than Squeezenet”：top-1 提升（百分点）',
  'v1-s44-planet-body': 'PlaNet MobileNet：主干“the usual 3 million”个参数',
  'v1-s44-planet-macs': 'PlaNet MobileNet：主干加上“10 million”个权重的最后一层的乘加次数（在 1×1 的位置上每个权重一次乘加）',
  'v2-t4-1.0-macs': 'MobileNetV2（α = 1，224）：乘加次数',
  'v2-t4-1.0-params': 'MobileNetV2（α = 1）：参数量',
  'v2-t4-1.4-macs': 'MobileNetV2（1.4，224）：乘加次数',
  'v2-t4-1.4-params': 'MobileNetV2（1.4）：参数量',
  'v2-t4-v1-macs': 'MobileNetV1（V2 论文所列）：乘加次数',
  'v2-t4-v1-params': 'MobileNetV1（V2 论文所列）：参数量',
  'v2-s6-min-macs': '最小的配置（α = 0.35，96×96）：“from 7 multiply adds”',
  'v2-s6-min-params': '最小的模型（α = 0.35）：参数量，“between 1.7M and 6.9M”',
  'v2-t6-yolo-madds': '比 YOLOv2“20× more efficient”：YOLOv2 的乘加次数除以 MNet V2 + SSDLite 的乘加次数',
  'v2-t6-yolo-params': '比 YOLOv2“10× smaller”：参数量，YOLOv2 除以 MNet V2 + SSDLite',
  'v2-t7-resnet-min': '“about 4.9−5.7 times fewer MAdds than ResNet-101”的下限：输出步长 8、多尺度输入时 ResNet-101 除以 MNet V1',
  'v2-t7-resnet-max': '“4.9−5.7 times”的上限：输出步长 16 时 ResNet-101 除以 MNet V1',
  'v2-t7-v2-vs-v1': '“about 2.5 times fewer operations than the MobileNetV1 counterparts”：输出步长 16、带 ASPP 时 MNet V1 除以 MNet V2*',
  'xception-s3-convs': '“36 convolutional layers”（2 个标准卷积 + 34 个可分离卷积，不计残差连接上的 1×1 投影）',
  'xception-s3-separable': '其中的可分离卷积（图 5 中的 SeparableConvolution 方框）',
  'xception-s3-modules': '“structured into 14 modules”（分成 14 个模块）',
  'xception-t3-params': 'Xception 的参数量（可训练参数：权重 + 全连接层偏置 + BN 的 γ、β）',
  'xception-s452-size': '“approximately the same size (within 3.5%)”：Inception V3 的 23,626,728（原文）与 Xception 计数之比减 1，以 % 计',
  'xception-s451-jft': '在 FastEval14k 上“4.3% relative improvement”：6.78 / 6.50（带全连接层）减 1，以 % 计',
  'keras-v1-params': 'MobileNet：参数量（count_params：权重 + 全连接层偏置 + 每个 BN 通道 4 个数）',
  'keras-v2-params': 'MobileNetV2：参数量',
  'keras-xception-params': 'Xception：参数量',
  'article1-standard-params': '输入 227×227×3，11×11 卷积核，6 个输出通道：参数量 K²·C₀·C₁',
  'article1-standard-out': '输出尺寸（步长 4，不填充）',
  'article1-standard-flops': 'FLOPs 2·C₀·K²·H·W·C₁（含偏置）',
  'article1-grouped-params': 'G = 3：参数量 K²·(C₀/G)·(C₁/G)·G',
  'article1-grouped-flops': 'G = 3：FLOPs（与标准卷积的例子一样含偏置）',
  'seed0-compute-ratio': '全卷积与可分离 MobileNet 的乘加次数之比（“压缩为 1/9”），写成倍数',
  'seed0-params-ratio': '全卷积与可分离 MobileNet 的参数量之比（“压缩为 1/7”），写成倍数',
  'seed0-layers': 'MobileNet V1 的层数',
  'seed4-xception-convs': 'Xception 的卷积层数（标准卷积 + 可分离卷积，不计残差连接上的 1×1）',
  'seed4-xception-modules': 'Xception 的模块数',
};

/** The layer kinds of V1 Table 2, by the kind in the row id. */
const T2_KIND: Record<string, string> = { pointwise: '1×1 卷积', depthwise: '3×3 深度卷积', conv: '3×3 卷积', fc: '全连接层' };

/** The model label of a templated row, as its English words give it (the part before the colon). */
const label = (f: PaperFigure, re: RegExp): string => re.exec(f.quantity)?.[1] ?? f.quantity;

/** Rows made from one template: the id's pattern and the words. */
const FAMILIES: ReadonlyArray<readonly [RegExp, (f: PaperFigure, m: RegExpExecArray) => string]> = [
  [/^v1-t2-(\w+)-macs$/, (_f, m) => `${T2_KIND[m[1]]}：乘加次数占比（%）`],
  [/^v1-t2-(\w+)-params$/, (_f, m) => `${T2_KIND[m[1]]}：参数量占比（%），只计权重`],
  [/^v1-t[67]-[\d.]+-macs$/, (f) => `${label(f, /^(.+): mult-adds$/)}：${MACS}`],
  [/^v1-t6-[\d.]+-params$/, (f) => `${label(f, /^(.+): parameters$/)}：${PARAMS}`],
  [/^v1-t10-.+-macs$/, (f) => `Stanford Dogs，${label(f, /^Stanford Dogs, (.+) with /)} 加 120 类分类层：${MACS}`],
  [/^v1-t10-.+-params$/, (f) => `Stanford Dogs，${label(f, /^Stanford Dogs, (.+) with /)} 加 120 类分类层：${PARAMS}`],
  [/^v1-t12-.+-macs$/, (f) => `人脸属性，${label(f, /^Face attributes, (.+): /)}：主干的${MACS}（论文没有描述属性头）`],
  [/^v1-t12-.+-params$/, (f) => `人脸属性，${label(f, /^Face attributes, (.+): /)}：主干的${PARAMS}`],
  [/^v1-t14-\d+-macs$/, (f) => {
    const m = /row (\d+) \("(.+)"\)/.exec(f.quantity);
    return `FaceNet 蒸馏，第 ${m?.[1]} 行（“${m?.[2]}”）：主干的${MACS}（论文没有描述嵌入头）`;
  }],
  [/^slim-v1-.+-macs$/, (f) => `${label(f, /^(\S+): /)}：${MACS}（百万）`],
  [/^slim-v1-.+-params$/, (f) => `${label(f, /^(.+): million parameters$/)}：${PARAMS}（百万）`],
  [/^slim-v2-.+-macs$/, (f) => `${label(f, /^(\S+): /)}：${MACS}（M）`],
  [/^slim-v2-.+-params$/, (f) => `${label(f, /^(\S+): /)}：${PARAMS}（M）`],
  [/^v2-t3-v1-(\d+)-channels$/, (_f, m) => `MobileNetV1 在 ${m[1]}×${m[1]} 上最大的张量：通道数`],
  [/^v2-t3-v1-(\d+)-kb$/, (f, m) => `MobileNetV1 在 ${m[1]}×${m[1]} 上：内存（Kb），${label(f, /\(Kb\), (\d+) channels/)} 个通道 · ${m[1]}² · 2 字节`],
  [/^v2-t3-v2-(\d+)-kb$/, (f, m) => `MobileNetV2 在 ${m[1]}×${m[1]} 上：按原文的 ${label(f, /printed (\d+) channels/)} 个通道计的内存（Kb）· ${m[1]}² · 2 字节`],
];

/** Why printed and computed differ. Numbers are the English reasons' numbers. */
const REASON: Record<string, string | ((f: PaperFigure) => string)> = {
  'v1-s31-saving-min': '第一个可分离层（N = 64）节省 1/(1/64 + 1/9) = 576/73 ≈ 7.89 倍，舍入为 8；要到 N = 72 起，一层才能节省 8 倍或更多。',
  'v1-t1-dw13-stride': '表 1 印的是“Conv dw / s2”，却把下一层的输入写成 7×7×1024，尺寸不变；步长为 2 的话应得 4×4。Keras 的参考实现用步长 1，本站的模型也是。',
  'v1-t2-pointwise-params': '表 2 的占比是按不含全连接层偏置的权重（4,209,088）算的；计入偏置（4,210,088）的话，1×1 卷积的占比应为 74.57%。',
  'v1-t2-conv-macs': '第一个 3×3 卷积有 112·112·27·32 = 10,838,016 次乘加，占 568,740,352 的 1.91%；“1.19%”是把数字颠倒了。四个印出的占比之和为 99.29%，换成 1.91% 则为 100.01%。',
  'v1-t3-rho-macs': 'ρ = 0.714 就是 10/14：特征图为 10×10（14 · 0.714 = 9.996）。',
  'v1-t4-conv-macs': '把每个可分离层换成 3×3 卷积，得到 4,867,293,184 次乘加（4867M）。印出的 4866M 与不含全连接层的计数（4,866,269,184）相符，而可分离 MobileNet 的 569M 是含全连接层的。',
  'v1-t7-160-macs': '160×160 时网络有 290,675,200 次乘加：290.7M，印作 290M（向下取整，而 568.7M 印作 569M）。',
  'v1-t8-vgg-size': '138M / 4,210,088 = 32.8（138 / 4.2 = 32.9）：“32”是截去了小数；舍入的话应为 33。',
  'v1-t9-0.5-160-macs': 'α = 0.5、160×160 时为 76,524,800 次乘加：76.5M，印作 76M（向下取整）。',
  'v1-t9-alexnet-accuracy': '表 9 给出 60.2% 对 57.2%：差 3.0 个百分点，相对提升 5.2%。两者都不是 4%。',
  'v1-t9-squeezenet-accuracy': '表 9 给出 60.2% 对 57.5%：差 2.7 个百分点，相对提升 4.7%。两者都不是 4%。',
  'v1-t10-1-224-macs': (f) => `${f.printed} 是 1000 类 ImageNet 的计数（表 6–7）。Stanford Dogs 只有 120 类，分类层做 122,880 次乘加而不是 1,024,000 次，总数小 0.2%。`,
  'v1-t10-1-192-macs': (f) => `${f.printed} 是 1000 类 ImageNet 的计数（表 6–7）。Stanford Dogs 只有 120 类，分类层做 122,880 次乘加而不是 1,024,000 次，总数小 0.2%。`,
  'v1-s44-planet-macs': '主干做 567,716,352 次乘加，最后一层有“10 million”个权重，再做同样多次乘加：共 577.7M，即 0.58B。印出的单位“Million”应为 billion。',
  'v1-t12-0.25-224-macs': '仅主干就做 40.8M 次乘加。α = 1 和 α = 0.5 两行与主干的计数在舍入范围内一致，所以多出的 4.2M 不能用任务头来解释；论文没有说明它从何而来。',
  'v1-t12-0.25-128-macs': '仅主干就做 13.3M 次乘加。α = 1 和 α = 0.5 两行与主干的计数在舍入范围内一致，所以多出的 1.7M 不能用任务头来解释；论文没有说明它从何而来。',
  'v1-t12-0.5-128-macs': '主干做 48,648,192 次乘加：48.6M，印作 48M（向下取整）。',
  'v1-t14-1-macs': '1.0 MobileNet 在 160×160 下仅主干就做 289,651,200 次乘加，比印出的总数还多；这一行不可能是表 1 所定义的这个网络。',
  'v1-t14-3-macs': '这一行和下一行一样印作“0.75 MobileNet-128”。α = 0.75、128×128 时主干做 106.0M 次乘加；α = 0.75、160×160 时为 165,628,800，即 166M：这一行很可能是 0.75 MobileNet-160，标错了。',
  'v1-t14-4-macs': '主干做 106,002,432 次乘加（106.0M）。多出的 2M 可能是嵌入层，论文没有描述它。',
  'slim-v1-0.75-224-macs': '计数为 325,400,448（325.4M，论文表 6 印作 325M）。表中 0.75 的四行都等于不含第一个 3×3 卷积（224 时为 8,128,512 次乘加）的计数，精确到印出的位数；其他宽度则包含它。',
  'slim-v1-0.75-192-macs': '计数为 239,273,472；去掉第一个 3×3 卷积（5,971,968）后为 233.3M，正是印出的值。见 0.75-224 一行。',
  'slim-v1-0.75-160-macs': '计数为 166,396,800；去掉第一个 3×3 卷积（4,147,200）后为 162.2M，正是印出的值。见 0.75-224 一行。',
  'slim-v1-0.75-128-macs': '计数为 106,770,432；去掉第一个 3×3 卷积（2,654,208）后为 104.1M，正是印出的值。见 0.75-224 一行。',
  'slim-v1-0.5-224-macs': '计数为 149,497,088：保留一位小数是 149.5M，再舍入一次才成为 150（两次舍入）；舍入到整百万则是 149M，与论文表 6 印的一致。',
  'slim-v1-0.25-192-macs': '计数为 30,212,608（30.2M；不含第一个卷积为 28.2M）。试过的计数约定都得不到 34M，它也与相邻两项（224 时 41M，160 时 21M）不相称。',
  'v2-t4-1.0-macs': '按表 2 计算为 300,774,272 次乘加：300.8M，舍入应为 301M；论文（以及 TF-slim 的检查点表）印作 300M，是截去了小数。',
  'v2-t4-1.0-params': '权重 + 全连接层偏置为 3,470,760：3.47M（TF-slim 印作 3.47），舍入应为 3.5M；论文印作 3.4M，是截去了小数。torchvision 报告 3,504,872，Keras 报告 3,538,984，差别来自 BN。',
  'v2-t4-1.4-macs': '按表 2、取 α = 1.4 并采用参考实现的取整方式（8 的倍数，最后一个卷积为 1792 个通道），得到 582,195,824 次乘加（582.2M），TF-slim 的表中已发布的 1.4 检查点也标为 582M；论文没有说明 585M 是怎么来的。',
  'v2-t4-1.4-params': '按表 2、取 α = 1.4，得到 6,060,840 个权重加全连接层偏置（Keras 连同 BN 为 6,156,712），TF-slim 的表中已发布的检查点标为 6.06M；这里的任何一种计数约定都得不到 6.9M。',
  'v2-t4-v1-macs': 'V1 的论文印的是 569M，按它的表 1 计算是 568,740,352；V2 论文的 575M 比它多出 1.1%，两篇论文都没有给出推导。',
  'v2-s6-min-macs': '正文说，在 α 为 0.35–1.4、输入为 96–224 的范围内，计算量“from 7 multiply adds to 585M MAdds”（从 7 次乘加到 585M 次乘加），7 后面没有单位；采用参考实现的取整方式，α = 0.35、96×96 时为 11,934,128（11.9M），TF-slim 的表中这个检查点印的是 11。',
  'v2-t3-v2-14-kb': '160 个通道 · 14² · 2 字节 = 62,720 字节：62.7 Kb，印作 62（向下取整）。',
  'v2-t3-v2-7-kb': '320 个通道 · 7² · 2 字节 = 31,360 字节：31.4 Kb，印作 32（向上取整）。',
  'v2-t3-v2-1-kb': '1280 个通道 · 2 字节 = 2,560 字节：2.6 Kb，印作 2（向下取整）。',
  'v2-t3-v1-7-kb': '一个 7×7×1024 的张量是 100,352 字节，即 100 Kb；199 约为它的两倍。最后一个逐点卷积层的输入加输出，2 · 7·7·1024 · 2 字节 = 200,704 字节 ≈ 201 Kb，与 199 相差不到 1%；V2 一栏 14×14 处的 160（64 + 96）和 7×7 处的 320（160 + 160）也都要这样理解。',
  'v2-t7-resnet-min': '按表 7 计算，输出步长 8 时为 4870.6B / 941.9B = 5.17，输出步长 16 时为 81.0B / 14.25B = 5.68；表中没有哪两行能得出 4.9。',
  'slim-v2-1.0-macs': '300,774,272 是 300.8M；这张表把小数截去了，每个检查点都是如此（0.35_96：11.93M 印作 11）。',
  'slim-v2-0.35-96-macs': '11,934,128 是 11.9M；这张表把小数截去了。',
  'xception-t3-params': 'Xception 计的是可训练参数，含 BN 的 γ 和 β（TensorFlow 的约定）；权重 + 全连接层偏置为 22,801,424。',
  'article1-standard-flops': '例子算的是 2·C₀·K²·H·W·C₁，即含偏置的计数；它给出的公式 (2·C₀·K² − 1)·H·W·C₁（不含偏置）得 13,158,750。乘加次数的 2 倍也是 13,176,900。',
  'article1-grouped-flops': '分组把开销除以 G：13,176,900 / 3 = 4,392,300（不含偏置为 4,374,150）。原文自己的公式 [(2·11²·3/3 + 1)·55·55·6/3]·3 得 4,410,450（其中的“+1”含偏置时应为 0，不含偏置时应为 −1）；印出的 2,205,225 = 243·55²·3 还漏掉了 C₁/G = 2 这个因子。',
  'seed0-compute-ratio': '只有当作舍入后的倍数才对：一个 3×3 可分离层的开销是标准卷积的 1/N + 1/9，总是大于 1/9（9 倍是 N → ∞ 时的极限）；整个网络节省 4867.3M / 568.7M ≈ 8.56 倍（V1 表 4）。',
};

const SLIM_PARAM_REASON =
  '权重 + 分类层偏置（论文的约定）得到 4,210,088、2,569,144、1,320,648 和 464,600。每个 BatchNorm 通道再加 3 个数，四个印出值全部吻合（4,242,920；2,593,768；1,337,064；472,808），加其他整数个都不行（加 2 得 4.23M 和 1.33M，加 4 得 4.25M 和 0.48M）。表中没有说明这三个数是什么。';

/** The source's parts as the Chinese pages name them. */
const PLACE: ReadonlyArray<readonly [RegExp, string]> = [
  [/Table (\d+)/g, '表 $1'],
  [/Fig\. (\d+)/g, '图 $1'],
  [/ \((表 \d+)\)/g, '（$1）'],
  [/ \(and (§[\d.]+)\)/g, '（及 $1）'],
  [/^Pre-trained Models$/, '预训练模型'],
  [/^table of models$/, '模型一览表'],
  [/^MobileNet V2 ImageNet checkpoints$/, 'MobileNet V2 的 ImageNet 检查点'],
];

function quantity(f: PaperFigure): string {
  const own = QUANTITY[f.id];
  if (own !== undefined) return own;
  for (const [re, words] of FAMILIES) {
    const m = re.exec(f.id);
    if (m) return words(f, m);
  }
  return f.quantity;
}

function reason(f: PaperFigure): string {
  if (/^slim-v1-.+-params$/.test(f.id)) return SLIM_PARAM_REASON;
  const r = REASON[f.id];
  return r === undefined ? '' : typeof r === 'string' ? r : r(f);
}

function gap(f: PaperFigure): string {
  const g = gapSize(f);
  const size =
    g.kind === 'truncated'
      ? '向下取整'
      : g.kind === 'times'
        ? `印出值${g.higher ? '高' : '低'}约 ${g.amount} 倍`
        : `印出值${g.higher ? '高' : '低'} ${g.amount}%`;
  return `印出 ${f.printed}；计算得 ${computedText(f)}（${size}）。${reason(f)}`;
}

export const paperTablesZh: PaperTablesWords = {
  quantity,
  reason,
  place: (f) => PLACE.reduce((s, [re, to]) => s.replace(re, to), sourcePlace(f)),
  gap,
  computed: computedText,
  verdict: (f) => (f.status === 'ok' ? '一致' : f.status === 'truncated' ? '向下截断' : `不一致（${signedGapPercent(f)}）`),
};
