import { describe, expect, it } from 'vitest';
import { CLEAN_SITE, SiteVariantSetting, UnknownDriftError } from '../../mock-server/drift/variants.ts';

describe('the drift a mock shows', () => {
  it('is the clean site without a name', () => {
    expect(new SiteVariantSetting('').site).toEqual(CLEAN_SITE);
    expect(new SiteVariantSetting(null).name).toBeNull();
  });

  it('combines several variants named with commas, each breaking its own promise', () => {
    const setting = new SiteVariantSetting('your-account-renamed, save-low-contrast,tick-ignored');
    expect(setting.name).toBe('your-account-renamed,save-low-contrast,tick-ignored');
    expect(setting.site).toMatchObject({
      accountMenuLabel: 'Account',
      phoneSaveContrast: 'low',
      signOutOtherDevices: 'never',
      changePasswordLabel: CLEAN_SITE.changePasswordLabel,
    });
  });

  it('refuses an unknown name among them', () => {
    expect(() => new SiteVariantSetting('tick-ignored,no-such-drift')).toThrow(UnknownDriftError);
  });
});
