import { passwordProblems } from './password-policy';

describe('the staff password policy', () => {
  it('accepts a long password with a letter and a digit', () => {
    expect(passwordProblems('correct horse 42 battery', 'wangfang')).toEqual([]);
    expect(passwordProblems('青川县信访局二〇二六年值班9号', 'clerk')).toEqual([]);
  });

  it('names every rule a password breaks', () => {
    expect(passwordProblems('short1', 'wangfang')).toEqual(['too_short']);
    expect(passwordProblems('only-letters-here', 'wangfang')).toEqual(['needs_a_digit']);
    expect(passwordProblems('1234567890123', 'wangfang')).toEqual(['needs_a_letter']);
    expect(passwordProblems('x1'.repeat(65), 'wangfang')).toEqual(['too_long']);
    expect(passwordProblems('WangFang-2026-spring', 'wangfang')).toEqual(['contains_username']);
  });

  it('refuses the published demo passwords', () => {
    expect(passwordProblems('yikouban-demo-clerk', 'someone')).toContain('published_demo_password');
  });
});
