import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** Splits Chinese text into words. An interface so tests and other segmenters can stand in. */
export interface Segmenter {
  cut(text: string): string[];
}

/**
 * jieba (the Rust port, prebuilt for each platform, dictionary shipped inside the package: no
 * download at run time). Loading the dictionary takes ~0.3 s and ~50 MB, so one instance is shared.
 */
export class JiebaSegmenter implements Segmenter {
  private static shared?: JiebaSegmenter;
  private readonly jieba = Jieba.withDict(dict);

  static instance(): JiebaSegmenter {
    return (this.shared ??= new JiebaSegmenter());
  }

  cut(text: string): string[] {
    return this.jieba.cut(text, true);
  }
}
