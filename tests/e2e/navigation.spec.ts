// Navigation for keyboard and screen-reader users: a skip link, a window
// title per screen, focus on the screen's heading after a screen change; and
// errors that name the field by its label and clear once fixed.

import { test, expect } from './fixtures';
import { dispatch } from '../../src/main/ipc/dispatch';

test('skip link, window title per screen and focus on the new screen heading', async ({ app }) => {
  await expect(app).toHaveTitle('Start · Sessiewijzer');
  await app.keyboard.press('Tab');
  const skip = app.getByRole('link', { name: 'Naar de inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Welkom bij Sessiewijzer' })).toBeFocused();
  // The hash is the route: the skip link must not navigate.
  await expect(app).not.toHaveURL(/inhoud/);

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sessies' }).click();
  await expect(app).toHaveTitle('Sessies · Sessiewijzer');
  await expect(app.getByRole('heading', { level: 1, name: 'Sessies' })).toBeFocused();

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Modules' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Modules' })).toBeFocused();
  // A detail screen: its heading arrives with its data, and names the window.
  await app.getByRole('link', { name: 'Prestatiedruk en schoolstress' }).first().click();
  // (The slide previews below have h1s of their own; the screen's heading comes first.)
  await expect(app.getByRole('heading', { level: 1, name: 'Prestatiedruk en schoolstress' }).first()).toBeFocused();
  await expect(app).toHaveTitle('Prestatiedruk en schoolstress · Modules · Sessiewijzer');
});

test('a validation error names the field by its label, and clears when fixed or after a success elsewhere', async ({ app, harness }) => {
  const org = await dispatch(harness.core.handlers, 'organisations:create', { name: 'Sint-Jan', kind: 'stichting' });
  if (!org.ok) throw new Error(org.error.message);
  await dispatch(harness.core.handlers, 'groups:create', { organisationId: (org.value as { id: number }).id, name: 'Kernteam Sint-Jan', kind: 'kernteam' });

  await app.goto(`${harness.url}#/sessies`);
  const plan = app.getByRole('region', { name: 'Sessie plannen' });
  await plan.getByRole('button', { name: 'Sessie plannen' }).click();
  await expect(plan.getByRole('alert')).toHaveText('Groep: kies een van de mogelijkheden.');
  // Fixing the field clears the message.
  await plan.getByLabel('Groep').selectOption({ label: 'Kernteam Sint-Jan (Sint-Jan)' });
  await expect(plan.getByRole('alert')).toHaveCount(0);
  // The next mistake shows (and names its field), the same mistake again shows again.
  await plan.getByRole('button', { name: 'Sessie plannen' }).click();
  await expect(plan.getByRole('alert')).toContainText('module');
  await expect(plan.getByRole('alert')).not.toContainText(/veld:|moduleId|string|verwacht/);

  // On Groepen: an error in one form goes away when another action succeeds.
  await app.goto(`${harness.url}#/groepen`);
  const newOrg = app.getByRole('region', { name: 'Nieuwe organisatie' });
  await newOrg.getByRole('button', { name: /toevoegen|aanmaken/i }).click();
  await expect(newOrg.getByRole('alert')).toBeVisible();
  await expect(newOrg.getByRole('alert')).not.toContainText(/veld:|name|string/);
  await app.getByLabel('Naam school').fill('Basisschool İlker Güneş');
  await app.getByRole('button', { name: 'School toevoegen' }).click();
  await expect(app.getByRole('region', { name: 'Scholen' })).toContainText('Basisschool İlker Güneş');
  await expect(newOrg.getByRole('alert')).toHaveCount(0);
});
