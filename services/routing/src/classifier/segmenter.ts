import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';

/**
 * jieba's default dictionary, read here rather than through '@node-rs/jieba/dict': that module also
 * reads the 6 MB idf.txt (keyword extraction, unused here) and keeps both files in memory for the
 * process's life. jieba copies what it needs, so the buffer read here is garbage once loaded.
 */
const DICT_FILE = require.resolve('@node-rs/jieba/dict.txt');

/** Splits Chinese text into words. An interface so tests and other segmenters can stand in. */
export interface Segmenter {
  cut(text: string): string[];
}

/**
 * jieba (the Rust port, prebuilt for each platform, dictionary shipped inside the package: no
 * download at run time). Loading the dictionary takes ~0.3 s and ~40 MB of native memory (its biggest
 * single cost in the routing service), so one instance is shared.
 */
export class JiebaSegmenter implements Segmenter {
  private static shared?: JiebaSegmenter;
  private readonly jieba = Jieba.withDict(readFileSync(DICT_FILE));

  static instance(): JiebaSegmenter {
    return (this.shared ??= new JiebaSegmenter());
  }

  cut(text: string): string[] {
    return this.jieba.cut(text, true);
  }
}
