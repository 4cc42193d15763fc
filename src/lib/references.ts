/** The sources the site cites, by key. Pages cite them as [key] and link to /references/#key. */
export interface Reference {
  readonly key: string;
  readonly authors: string;
  readonly title: string;
  readonly venue: string;
  readonly year: number;
  readonly url?: string;
  readonly note?: string;
}

export const REFERENCES: readonly Reference[] = [
  {
    key: 'howard2017',
    authors: 'A. G. Howard, M. Zhu, B. Chen, D. Kalenichenko, W. Wang, T. Weyand, M. Andreetto, H. Adam',
    title: 'MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications',
    venue: 'arXiv:1704.04861',
    year: 2017,
    url: 'https://arxiv.org/abs/1704.04861',
  },
  {
    key: 'sandler2018',
    authors: 'M. Sandler, A. Howard, M. Zhu, A. Zhmoginov, L.-C. Chen',
    title: 'MobileNetV2: Inverted Residuals and Linear Bottlenecks',
    venue: 'CVPR 2018; arXiv:1801.04381',
    year: 2018,
    url: 'https://arxiv.org/abs/1801.04381',
  },
  {
    key: 'chollet2017',
    authors: 'F. Chollet',
    title: 'Xception: Deep Learning with Depthwise Separable Convolutions',
    venue: 'CVPR 2017; arXiv:1610.02357',
    year: 2017,
    url: 'https://arxiv.org/abs/1610.02357',
  },
  {
    key: 'he2016',
    authors: 'K. He, X. Zhang, S. Ren, J. Sun',
    title: 'Deep Residual Learning for Image Recognition',
    venue: 'CVPR 2016; arXiv:1512.03385',
    year: 2016,
    url: 'https://arxiv.org/abs/1512.03385',
  },
  {
    key: 'krizhevsky2012',
    authors: 'A. Krizhevsky, I. Sutskever, G. E. Hinton',
    title: 'ImageNet Classification with Deep Convolutional Neural Networks',
    venue: 'NeurIPS 2012',
    year: 2012,
  },
  {
    key: 'keras-apps',
    authors: 'Keras team',
    title: 'Keras Applications: MobileNet, MobileNetV2, Xception (model definitions and published parameter counts)',
    venue: 'keras.io/api/applications',
    year: 2024,
    url: 'https://keras.io/api/applications/',
  },
  {
    key: 'torchvision',
    authors: 'PyTorch team',
    title: 'torchvision.models.mobilenet_v2 (model definition and weights table)',
    venue: 'pytorch.org/vision',
    year: 2024,
    url: 'https://pytorch.org/vision/stable/models/mobilenetv2.html',
  },
  {
    key: 'tf-slim-mobilenet-v1',
    authors: 'TensorFlow Model Garden authors',
    title: 'MobileNet_v1 in TF-slim: the reference implementation (mobilenet_v1.py) and its pre-trained models table (MACs, parameters, top-1 and top-5 of the 2018-02-22 checkpoints)',
    venue: 'github.com/tensorflow/models, research/slim/nets/mobilenet_v1.py and mobilenet_v1.md',
    year: 2018,
    url: 'https://github.com/tensorflow/models/blob/master/research/slim/nets/mobilenet_v1.md',
  },
  {
    key: 'tf-slim-mobilenet-v2',
    authors: 'TensorFlow Model Garden authors',
    title: 'MobileNet V2 in TF-slim: the reference implementation (mobilenet_v2.py) and its table of ImageNet checkpoints (MACs, parameters, top-1, top-5, Pixel 1 latency)',
    venue: 'github.com/tensorflow/models, research/slim/nets/mobilenet/README.md',
    year: 2018,
    url: 'https://github.com/tensorflow/models/blob/master/research/slim/nets/mobilenet/README.md',
  },
  {
    key: 'zhang2018',
    authors: 'X. Zhang, X. Zhou, M. Lin, J. Sun',
    title: 'ShuffleNet: An Extremely Efficient Convolutional Neural Network for Mobile Devices',
    venue: 'CVPR 2018; arXiv:1707.01083',
    year: 2018,
    url: 'https://arxiv.org/abs/1707.01083',
  },
  {
    key: 'ma2018',
    authors: 'N. Ma, X. Zhang, H.-T. Zheng, J. Sun',
    title: 'ShuffleNet V2: Practical Guidelines for Efficient CNN Architecture Design',
    venue: 'ECCV 2018; arXiv:1807.11164',
    year: 2018,
    url: 'https://arxiv.org/abs/1807.11164',
  },
  {
    key: 'williams2009',
    authors: 'S. Williams, A. Waterman, D. Patterson',
    title: 'Roofline: An Insightful Visual Performance Model for Multicore Architectures',
    venue: 'Communications of the ACM 52(4), 65–76',
    year: 2009,
    url: 'https://doi.org/10.1145/1498765.1498785',
  },
  {
    key: 'pixel-specs',
    authors: 'Google',
    title: 'Pixel and Pixel XL tech specs: Qualcomm Snapdragon 821, 2.15 GHz + 1.6 GHz, 64-bit quad-core',
    venue: 'Google Store / Pixel Help',
    year: 2016,
    note: 'The clock of the big cores behind the default compute ceiling of the roofline figure (8.6 G mult-adds/s assumes one 4-lane float32 multiply-add per cycle).',
  },
  {
    key: 'snapdragon821',
    authors: 'Qualcomm',
    title: 'Snapdragon 821 Mobile Platform: product specification (memory: LPDDR4, 1866 MHz, dual-channel)',
    venue: 'qualcomm.com',
    year: 2016,
    note: 'The memory behind the default bandwidth of the roofline figure: 1866.7 MHz × 2 transfers × 64 bits = 29.9 GB/s.',
  },
  {
    key: 'nvidia-h200',
    authors: 'NVIDIA',
    title: 'NVIDIA H200 Tensor Core GPU datasheet (H200 SXM: FP32 67 TFLOPS, 4.8 TB/s HBM3e)',
    venue: 'nvidia.com',
    year: 2024,
    url: 'https://www.nvidia.com/en-us/data-center/h200/',
  },
  {
    key: 'article-000',
    authors: 'Source article (Chinese)',
    title: 'MobileNet-v1和MobileNet-v2',
    venue: 'blog post',
    year: 2019,
    note: 'One of the five Chinese articles this site grew from.',
  },
  {
    key: 'article-001',
    authors: 'Source article (Chinese)',
    title: 'mobileNetV1网络解析，以及实现(pytorch)',
    venue: 'blog post',
    year: 2022,
    note: 'Worked examples of standard and grouped convolution costs.',
  },
  {
    key: 'article-002',
    authors: 'Source article (Chinese)',
    title: '倒残差与线性瓶颈浅析 - MobileNetV2',
    venue: 'blog post',
    year: 2021,
  },
  {
    key: 'article-003',
    authors: 'Source article (Chinese)',
    title: 'MobileNet V1论文阅读和代码解析',
    venue: 'blog post',
    year: 2024,
  },
  {
    key: 'article-004',
    authors: 'Source article (Chinese)',
    title: '利用深度可分离卷积减小计算量及提升网络性能',
    venue: 'blog post',
    year: 2020,
  },
];
