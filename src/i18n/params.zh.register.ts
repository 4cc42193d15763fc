/**
 * The Chinese words of the parameters, registered: the build imports this through editions.ts; a
 * Chinese page's script fetches it through figures.load.ts when a value must be explained, or a
 * figure draws a parameter's choice by name.
 */
import { registerParamText } from './params';
import { paramsZh } from './params.zh';

registerParamText('zh', paramsZh);
