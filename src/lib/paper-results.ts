/**
 * Results tables of the MobileNet V1 and V2 papers beyond ImageNet classification, transcribed as
 * printed (accuracies, latencies, and the costs of networks the cost model does not define).
 * Nothing here can be computed; every number is cited with its table. Where a printed cost can be
 * checked against the cost model, `paper-tables.ts` does so.
 *
 * Sources:
 * - Howard et al. 2017 (arXiv:1704.04861), §4.3–4.7, Tables 10–14.
 * - Sandler et al. 2018 (arXiv:1801.04381), §6.1–6.3, Tables 4–7.
 */

/** One row of a results table: a network, its score, and the cost the paper prints for it. */
export interface ResultRow {
  /** Name as printed. */
  readonly label: string;
  /** The table's score (top-1 %, mAP %, mIOU %, …), as printed. */
  readonly score: number;
  /** Mult-adds as printed, in millions (null where the paper prints none). */
  readonly macsM: number | null;
  /** Parameters as printed, in millions (null where the paper prints none). */
  readonly paramsM: number | null;
  /** Latency in ms as printed (V2 Tables 4 and 6: one large core of a Pixel 1, TF-Lite), null for "-". */
  readonly ms?: number | null;
  /** For MobileNet rows: the width multiplier and input resolution, so the cost model can count the body. */
  readonly alpha?: number;
  readonly resolution?: number;
}

/**
 * Sandler et al. 2018, Table 4: ImageNet top-1, parameters, MAdds and Pixel 1 CPU time. The caption:
 * "we count the total number of Multiply-Adds"; no ShuffleNet time because "efficient group
 * convolutions and shuffling are not yet supported".
 */
export const V2_TABLE4: readonly ResultRow[] = [
  { label: 'MobileNetV1', score: 70.6, paramsM: 4.2, macsM: 575, ms: 113, alpha: 1, resolution: 224 },
  { label: 'ShuffleNet (1.5)', score: 71.5, paramsM: 3.4, macsM: 292, ms: null },
  { label: 'ShuffleNet (x2)', score: 73.7, paramsM: 5.4, macsM: 524, ms: null },
  { label: 'NasNet-A', score: 74.0, paramsM: 5.3, macsM: 564, ms: 183 },
  { label: 'MobileNetV2', score: 72.0, paramsM: 3.4, macsM: 300, ms: 75, alpha: 1, resolution: 224 },
  { label: 'MobileNetV2 (1.4)', score: 74.7, paramsM: 6.9, macsM: 585, ms: 143, alpha: 1.4, resolution: 224 },
];

/**
 * Sandler et al. 2018, §6.1 "Training setup", as printed: TensorFlow, RMSProp with decay and
 * momentum 0.9, batch normalization after every layer, weight decay 0.00004, initial learning rate
 * 0.045 decaying by 0.98 per epoch, 16 asynchronous GPU workers, batch size 96.
 */
export const V2_TRAINING = {
  optimizer: 'RMSProp',
  rmspropDecay: 0.9,
  momentum: 0.9,
  weightDecay: 0.00004,
  learningRate: 0.045,
  learningRateDecayPerEpoch: 0.98,
  workers: 16,
  batchSize: 96,
} as const;

/** Sandler et al. 2018, Table 5: SSD and SSDLite prediction layers on MobileNetV2, 80 classes. */
export const V2_TABLE5 = {
  ssd: { paramsM: 14.8, macsB: 1.25 },
  ssdlite: { paramsM: 2.1, macsB: 0.35 },
} as const;

/** A detector of Sandler et al. 2018, Table 6 (COCO test-dev mAP; MAdd in billions). */
export interface DetectionRow {
  readonly label: string;
  readonly mAP: number;
  readonly paramsM: number;
  readonly macsB: number;
  /** Pixel 1 large core, ms; null for "-". */
  readonly ms: number | null;
}

/** Sandler et al. 2018, Table 6: COCO object detection at 320×320 input for the SSDLite models. */
export const V2_TABLE6: readonly DetectionRow[] = [
  { label: 'SSD300', mAP: 23.2, paramsM: 36.1, macsB: 35.2, ms: null },
  { label: 'SSD512', mAP: 26.8, paramsM: 36.1, macsB: 99.5, ms: null },
  { label: 'YOLOv2', mAP: 21.6, paramsM: 50.7, macsB: 17.5, ms: null },
  { label: 'MNet V1 + SSDLite', mAP: 22.2, paramsM: 5.1, macsB: 1.3, ms: 270 },
  { label: 'MNet V2 + SSDLite', mAP: 22.1, paramsM: 4.3, macsB: 0.8, ms: 200 },
];

/** A segmentation model of Sandler et al. 2018, Table 7 (PASCAL VOC 2012 validation). */
export interface SegmentationRow {
  readonly label: string;
  /** output_stride. */
  readonly os: 8 | 16;
  readonly aspp: boolean;
  /** Multi-scale and left-right flipped inputs at test time. */
  readonly mf: boolean;
  readonly mIOU: number;
  readonly paramsM: number;
  readonly macsB: number;
}

/**
 * Sandler et al. 2018, Table 7: MobileNet + DeepLabv3 on PASCAL VOC 2012 validation. MNet V2*:
 * the DeepLabv3 heads sit on the second-to-last feature map (320 channels instead of 1280).
 */
export const V2_TABLE7: readonly SegmentationRow[] = [
  { label: 'MNet V1', os: 16, aspp: true, mf: false, mIOU: 75.29, paramsM: 11.15, macsB: 14.25 },
  { label: 'MNet V1', os: 8, aspp: true, mf: true, mIOU: 78.56, paramsM: 11.15, macsB: 941.9 },
  { label: 'MNet V2*', os: 16, aspp: true, mf: false, mIOU: 75.7, paramsM: 4.52, macsB: 5.8 },
  { label: 'MNet V2*', os: 8, aspp: true, mf: true, mIOU: 78.42, paramsM: 4.52, macsB: 387 },
  { label: 'MNet V2*', os: 16, aspp: false, mf: false, mIOU: 75.32, paramsM: 2.11, macsB: 2.75 },
  { label: 'MNet V2*', os: 8, aspp: false, mf: true, mIOU: 77.33, paramsM: 2.11, macsB: 152.6 },
  { label: 'ResNet-101', os: 16, aspp: true, mf: false, mIOU: 80.49, paramsM: 58.16, macsB: 81.0 },
  { label: 'ResNet-101', os: 8, aspp: true, mf: true, mIOU: 82.7, paramsM: 58.16, macsB: 4870.6 },
];

/** Howard et al. 2017, Table 10: Stanford Dogs top-1 (fine-tuned after pretraining on noisy web data). */
export const V1_TABLE10: readonly ResultRow[] = [
  { label: 'Inception V3', score: 84, macsM: 5000, paramsM: 23.2 },
  { label: '1.0 MobileNet-224', score: 83.3, macsM: 569, paramsM: 3.3, alpha: 1, resolution: 224 },
  { label: '0.75 MobileNet-224', score: 81.9, macsM: 325, paramsM: 1.9, alpha: 0.75, resolution: 224 },
  { label: '1.0 MobileNet-192', score: 81.9, macsM: 418, paramsM: 3.3, alpha: 1, resolution: 192 },
  { label: '0.75 MobileNet-192', score: 80.5, macsM: 239, paramsM: 1.9, alpha: 0.75, resolution: 192 },
];

/** Stanford Dogs has 120 classes (Khosla et al. 2011, the dataset Howard et al. 2017 cite in §4.3). */
export const STANFORD_DOGS_CLASSES = 120;

/** Howard et al. 2017, Table 11: share of Im2GPS photos located within each distance (percent). */
export const V1_TABLE11: ReadonlyArray<{ scale: string; im2gps: number; planet: number; planetMobileNet: number }> = [
  { scale: 'Continent (2500 km)', im2gps: 51.9, planet: 77.6, planetMobileNet: 79.3 },
  { scale: 'Country (750 km)', im2gps: 35.4, planet: 64.0, planetMobileNet: 60.3 },
  { scale: 'Region (200 km)', im2gps: 32.1, planet: 51.1, planetMobileNet: 45.2 },
  { scale: 'City (25 km)', im2gps: 21.9, planet: 31.7, planetMobileNet: 31.7 },
  { scale: 'Street (1 km)', im2gps: 2.5, planet: 11.0, planetMobileNet: 11.4 },
];

/**
 * Howard et al. 2017, §4.4 on PlaNet: the Inception V3 PlaNet has "52 million parameters and 5.74
 * billion mult-adds"; the MobileNet one "13 million parameters with the usual 3 million for the
 * body and 10 million for the final layer and 0.58 Million mult-adds" (sic).
 */
export const V1_PLANET = {
  inception: { paramsM: 52, macsB: 5.74 },
  mobilenet: { paramsM: 13, bodyParamsM: 3, finalLayerParamsM: 10, printedMacs: '0.58 Million' },
} as const;

/** Howard et al. 2017, Table 12: face attributes, mean AP (distilled from an in-house classifier). */
export const V1_TABLE12: readonly ResultRow[] = [
  { label: '1.0 MobileNet-224', score: 88.7, macsM: 568, paramsM: 3.2, alpha: 1, resolution: 224 },
  { label: '0.5 MobileNet-224', score: 88.1, macsM: 149, paramsM: 0.8, alpha: 0.5, resolution: 224 },
  { label: '0.25 MobileNet-224', score: 87.2, macsM: 45, paramsM: 0.2, alpha: 0.25, resolution: 224 },
  { label: '1.0 MobileNet-128', score: 88.1, macsM: 185, paramsM: 3.2, alpha: 1, resolution: 128 },
  { label: '0.5 MobileNet-128', score: 87.7, macsM: 48, paramsM: 0.8, alpha: 0.5, resolution: 128 },
  { label: '0.25 MobileNet-128', score: 86.4, macsM: 15, paramsM: 0.2, alpha: 0.25, resolution: 128 },
  { label: 'Baseline', score: 86.9, macsM: 1600, paramsM: 7.5 },
];

/** Howard et al. 2017, §4.5: the text's size for the face-attribute baseline ("75 million parameters and 1600 million Mult-Adds"). */
export const V1_FACE_BASELINE_TEXT = { paramsM: 75, macsM: 1600 } as const;

/** A detector of Howard et al. 2017, Table 13 (COCO minival mAP; mult-adds in billions). */
export interface V1DetectionRow {
  readonly framework: 'SSD 300' | 'Faster-RCNN 300' | 'Faster-RCNN 600';
  readonly model: string;
  readonly mAP: number;
  readonly macsB: number;
  readonly paramsM: number;
}

/** Howard et al. 2017, Table 13: COCO detection, trained on train+val minus 8k minival images. */
export const V1_TABLE13: readonly V1DetectionRow[] = [
  { framework: 'SSD 300', model: 'deeplab-VGG', mAP: 21.1, macsB: 34.9, paramsM: 33.1 },
  { framework: 'SSD 300', model: 'Inception V2', mAP: 22.0, macsB: 3.8, paramsM: 13.7 },
  { framework: 'SSD 300', model: 'MobileNet', mAP: 19.3, macsB: 1.2, paramsM: 6.8 },
  { framework: 'Faster-RCNN 300', model: 'VGG', mAP: 22.9, macsB: 64.3, paramsM: 138.5 },
  { framework: 'Faster-RCNN 300', model: 'Inception V2', mAP: 15.4, macsB: 118.2, paramsM: 13.3 },
  { framework: 'Faster-RCNN 300', model: 'MobileNet', mAP: 16.4, macsB: 25.2, paramsM: 6.1 },
  { framework: 'Faster-RCNN 600', model: 'VGG', mAP: 25.7, macsB: 149.6, paramsM: 138.5 },
  { framework: 'Faster-RCNN 600', model: 'Inception V2', mAP: 21.9, macsB: 129.6, paramsM: 13.3 },
  { framework: 'Faster-RCNN 600', model: 'Mobilenet', mAP: 19.8, macsB: 30.5, paramsM: 6.1 },
];

/**
 * Howard et al. 2017, Table 14: MobileNet distilled from FaceNet, accuracy at 1e-4 false accept
 * rate. Two rows are printed "0.75 MobileNet-128"; `resolution` keeps the label as printed.
 */
export const V1_TABLE14: readonly ResultRow[] = [
  { label: 'FaceNet', score: 83, macsM: 1600, paramsM: 7.5 },
  { label: '1.0 MobileNet-160', score: 79.4, macsM: 286, paramsM: 4.9, alpha: 1, resolution: 160 },
  { label: '1.0 MobileNet-128', score: 78.3, macsM: 185, paramsM: 5.5, alpha: 1, resolution: 128 },
  { label: '0.75 MobileNet-128', score: 75.2, macsM: 166, paramsM: 3.4, alpha: 0.75, resolution: 128 },
  { label: '0.75 MobileNet-128', score: 72.5, macsM: 108, paramsM: 3.8, alpha: 0.75, resolution: 128 },
];
