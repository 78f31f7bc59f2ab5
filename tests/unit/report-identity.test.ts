// The report identity from the settings: organisation and contact on the first
// page, a logo that is checked before it is stored, and Dutch errors.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLogo } from '../../src/main/services/handlers/reports';
import { IDENTITY_KEYS } from '../../src/main/services/reports';
import { setSetting } from '../../src/main/db/repositories/settings';
import { openTestCore, type TestCore } from '../helpers/core';
import { parsePdf } from '../helpers/pdf';
import { rawPdfText } from '../helpers/pdf-streams';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let t: TestCore;
let trajectoryId: number;
beforeAll(async () => {
  t = openTestCore();
  await t.call('demo:load');
  trajectoryId = (await t.call('trajectories:list', {}))[0]!.id;
});
afterAll(() => t.close());

describe('report identity', () => {
  it('stores organisation and contact and prints them with the logo on the first page', async () => {
    const view = await t.call('reports:setIdentity', { organisation: '  GGD Noorderland ', contact: 'Eva Bos · 06-12345678' });
    expect(view).toMatchObject({ organisation: 'GGD Noorderland', contact: 'Eva Bos · 06-12345678', hasLogo: false });
    setSetting(t.core.db, IDENTITY_KEYS.logo, PNG.toString('base64'));
    expect((await t.call('reports:getIdentity')).logoDataUrl).toMatch(/^data:image\/png;base64,/);
    const pdf = Buffer.from((await t.call('reports:previewTrajectory', { trajectoryId })).base64, 'base64');
    const parsed = await parsePdf(pdf);
    expect(parsed.pageTexts[0]).toContain('Opgesteld door GGD Noorderland');
    expect(parsed.pageTexts[0]).toContain('06-12345678');
    expect(rawPdfText(pdf)).toMatch(/\/Subtype \/Image/);
    expect((await t.call('reports:clearLogo')).hasLogo).toBe(false);
    expect((await t.call('reports:setIdentity', { organisation: '', contact: null })).organisation).toBeNull();
  });

  it('refuses too long text and a logo that is not a PNG or JPEG, in Dutch', async () => {
    await expect(t.call('reports:setIdentity', { organisation: 'x'.repeat(121), contact: null })).rejects.toThrow(/hoogstens 120/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-logo-'));
    const text = path.join(dir, 'logo.png');
    fs.writeFileSync(text, 'geen afbeelding');
    expect(() => readLogo(text)).toThrow(/PNG- of JPEG/);
    const png = path.join(dir, 'echt.png');
    fs.writeFileSync(png, PNG);
    expect(readLogo(png).equals(PNG)).toBe(true);
    await expect(t.call('reports:chooseLogo')).rejects.toThrow(/alleen in de app/);
  });
});
