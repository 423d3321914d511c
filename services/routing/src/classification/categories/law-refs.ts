/** Articles of 信访工作条例 (2022) cited by many categories; numbers as in RULES.md. */
export const PETITION_REGS = {
  art20: '《信访工作条例》第二十条',
  art22: '《信访工作条例》第二十二条',
  art28: '《信访工作条例》第二十八条',
  art29: '《信访工作条例》第二十九条',
  art30: '《信访工作条例》第三十条',
  art31: '《信访工作条例》第三十一条',
} as const;
