import { extendsParentCode } from './directory-administration';

describe('a region code extends its parent', () => {
  it('adds digits to the parent below the county', () => {
    expect(extendsParentCode('330621101', '330621')).toBe(true);
    expect(extendsParentCode('330621101207', '330621101')).toBe(true);
    expect(extendsParentCode('330621101207001', '330621101207')).toBe(true);
  });

  it('fills the zeros of a six-digit city or province code', () => {
    expect(extendsParentCode('330621', '330600')).toBe(true);
    expect(extendsParentCode('330600', '330000')).toBe(true);
    expect(extendsParentCode('330721', '330600')).toBe(false);
  });

  it('refuses the parent itself, a shorter code and a sibling branch', () => {
    expect(extendsParentCode('330621', '330621')).toBe(false);
    expect(extendsParentCode('3306', '330621')).toBe(false);
    expect(extendsParentCode('330622101', '330621')).toBe(false);
    expect(extendsParentCode('330621102001', '330621101')).toBe(false);
  });
});
