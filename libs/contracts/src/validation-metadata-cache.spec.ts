import { IsInt, IsString, validate } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache';

describe('memoizeValidationMetadata', () => {
  beforeAll(() => memoizeValidationMetadata());

  it('validates as before, again and again, once installed (twice is harmless)', async () => {
    memoizeValidationMetadata();
    class Reply {
      @IsString() text: string;
    }
    const bad = Object.assign(new Reply(), { text: 7 });
    expect((await validate(bad)).map((e) => e.property)).toEqual(['text']);
    expect((await validate(bad)).map((e) => e.property)).toEqual(['text']);
    expect(await validate(Object.assign(new Reply(), { text: '已办结' }))).toEqual([]);
  });

  it('sees rules registered after a class was first validated (a subclass declared later)', async () => {
    class Base {
      @IsString() name: string;
    }
    expect(await validate(Object.assign(new Base(), { name: '张三' }))).toEqual([]);
    class Extended extends Base {
      @IsInt() headcount: number;
    }
    const errors = await validate(Object.assign(new Extended(), { name: 5, headcount: 'many' }));
    expect(errors.map((e) => e.property).sort()).toEqual(['headcount', 'name']);
    // A rule added to the parent after the subclass was validated (and remembered) counts too.
    IsInt()(Base.prototype, 'age');
    const later = await validate(Object.assign(new Extended(), { name: '张三', headcount: 1, age: 'old' }));
    expect(later.map((e) => e.property)).toEqual(['age']);
  });
});
