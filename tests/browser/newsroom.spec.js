// The newsroom in a real browser, as its people click through it: a contributor writes an
// article with a footnote, uploads a lead image and submits the piece for review, and cannot
// publish it, not even with a forged request; an editor previews it and schedules it a few
// seconds ahead; the article reaches the home page only
// when its time comes, with its numbered reference and its described lead image. Also: a wrong
// password is refused with a message, and the editor fits a phone's width. Any console error or
// uncaught page error fails the test.
const { test: base, expect } = require('@playwright/test');
const zlib = require('node:zlib');

const siteUrl = process.env.GAZETTE_URL;
const accounts = JSON.parse(process.env.GAZETTE_ACCOUNTS || 'null');

// For requests made outside the pages (page.request), which want whole URLs.
function absolute(path) {
  return new URL(path, siteUrl).href;
}

// A width × height PNG (8-bit RGB, a colour gradient), made here so that the upload is a real
// image that the server must decode.
function gradientPng(width, height) {
  const rowBytes = 1 + width * 3;
  const pixels = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    pixels[y * rowBytes] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const at = y * rowBytes + 1 + x * 3;
      pixels[at] = Math.round((255 * x) / (width - 1));
      pixels[at + 1] = Math.round((255 * y) / (height - 1));
      pixels[at + 2] = 140;
    }
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, RGB, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// "2026-12-01T09:30:05": what the schedule's datetime-local input (step 1 s) holds for `ms`,
// read as UTC.
function utcInputSecond(ms) {
  return new Date(ms).toISOString().slice(0, 19);
}

// A whole second far enough ahead to check that readers do not see the article before it. Never
// a whole minute: Chromium shows such a datetime-local value without ":00", and Playwright's
// fill() refuses a value that the field does not show back as it was given.
function nextScheduleTime(now) {
  const second = Math.ceil((now + 10_000) / 1000) * 1000;
  return second % 60_000 === 0 ? second + 1000 : second;
}

// `newPage()` opens a page in a new browser context (its own cookies: one person each). Every
// page of those contexts, tabs opened by the site included, is watched for console errors and
// uncaught exceptions; `expectConsoleError(pattern)` allows one expected error message.
const test = base.extend({
  newsroom: async ({ browser }, use) => {
    const problems = [];
    const allowed = [];
    const contexts = [];
    const watch = (page) => {
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        const expected = allowed.findIndex((pattern) => pattern.test(text));
        if (expected >= 0) allowed.splice(expected, 1);
        else problems.push(`console error on ${page.url()}: ${text}`);
      });
      page.on('pageerror', (error) => {
        problems.push(`page error on ${page.url()}: ${error.message}`);
      });
    };
    await use({
      async newPage() {
        const context = await browser.newContext({ baseURL: siteUrl });
        contexts.push(context);
        context.on('page', watch);
        return context.newPage();
      },
      expectConsoleError(pattern) {
        allowed.push(pattern);
      },
    });
    for (const context of contexts) await context.close();
    expect(problems, problems.join('\n')).toEqual([]);
  },
});

async function signIn(page, account) {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/$/);
}

function newsroomNav(page) {
  return page.getByRole('navigation', { name: 'Newsroom' });
}

function notice(page) {
  return page.locator('main p.nr-notice[role=status]');
}

async function expectNoHorizontalOverflow(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  const message = `page is ${scrollWidth}px wide in a ${innerWidth}px window`;
  expect(scrollWidth, message).toBeLessThanOrEqual(innerWidth);
}

// The image has been fetched and decoded by the browser (not a broken image icon).
async function expectLoadedImage(image) {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((element) => element.complete && element.naturalWidth))
    .toBeGreaterThan(0);
}

// Checks that a reader page shows the article: its title, the footnote as reference 1 with its
// note, and the lead image with its description.
async function expectArticle(page, article) {
  await expect(page.locator('h1')).toHaveText(article.title);
  await expect(page.locator('.article__dek')).toHaveText(article.dek);
  const reference = page.locator('sup.footnote-ref a[href="#fn-1"]');
  await expect(reference).toHaveCount(1);
  await expect(reference).toHaveText('1');
  await expect(page.locator('section.footnotes li#fn-1')).toContainText(article.note);
  const image = page.locator('figure.article__image img');
  await expect(image).toHaveAttribute('alt', article.alt);
  await expectLoadedImage(image);
}

test.use({ baseURL: siteUrl });

test('a wrong password is refused with a message', async ({ newsroom }) => {
  expect(accounts, 'global-setup.js did not hand over GAZETTE_ACCOUNTS').toBeTruthy();
  const page = await newsroom.newPage();
  await page.goto('/admin/login');
  // The refused sign-in answers 401, which Chromium reports on the console.
  newsroom.expectConsoleError(/status of 401/);
  await page.getByLabel('Email').fill(accounts.editor.email);
  await page.getByLabel('Password').fill(`${accounts.editor.password}x`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or the password is not right.');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByLabel('Email')).toHaveValue(accounts.editor.email);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(newsroomNav(page)).toHaveCount(0);
});

test('a contributor writes, an editor schedules, readers see it on time', async ({
  newsroom,
}, testInfo) => {
  test.setTimeout(120_000);
  expect(accounts, 'global-setup.js did not hand over GAZETTE_ACCOUNTS').toBeTruthy();
  const stamp = Date.now().toString(36);
  const article = {
    title: `Harbour cranes fall silent ${stamp}`,
    dek: 'A strike at the container terminal ripples through the shipping lanes.',
    sectionName: 'Economy & Energy',
    section: 'economy-energy',
    claim: 'Half of the region’s trade passes through one port.',
    note: 'Port authority annual report.',
    alt: 'Idle cranes over an empty quay at dusk',
    imageName: `cranes-${stamp}.png`,
  };
  const body = `${article.claim}[^1]\n\nThe rest follows.\n\n[^1]: ${article.note}\n`;
  let articleId;
  let imageId;
  let articlePath;

  const writer = await newsroom.newPage();

  await test.step('the contributor creates a draft', async () => {
    await signIn(writer, accounts.contributor);
    await newsroomNav(writer).getByRole('link', { name: 'New article' }).click();
    await expect(writer.getByRole('heading', { level: 1, name: 'New article' })).toBeVisible();
    await writer.getByLabel('Title', { exact: true }).fill(article.title);
    await writer.getByLabel('Dek', { exact: true }).fill(article.dek);
    const section = writer.getByLabel('Section', { exact: true });
    await section.selectOption({ label: article.sectionName });
    await writer.getByLabel('Body', { exact: true }).fill(body);
    await writer.getByRole('button', { name: 'Create draft' }).click();
    await expect(notice(writer)).toHaveText('Created.');
    const match = /\/admin\/articles\/(\d+)\/\?notice=created$/.exec(writer.url());
    expect(match, `unexpected address after creating: ${writer.url()}`).toBeTruthy();
    articleId = match[1];
    await expect(writer.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
    await expect(writer.locator('.nr-status')).toHaveText('draft');
  });

  await test.step('the contributor uploads an image to the media library', async () => {
    await newsroomNav(writer).getByRole('link', { name: 'Media' }).click();
    await expect(writer.getByRole('heading', { level: 1, name: 'Media' })).toBeVisible();
    await writer.getByLabel('Image', { exact: true }).setInputFiles({
      name: article.imageName,
      mimeType: 'image/png',
      buffer: gradientPng(640, 400),
    });
    await writer.getByRole('button', { name: 'Upload' }).click();
    await expect(notice(writer)).toHaveText('The image was uploaded.');
    const match = /\/admin\/media\/\?notice=uploaded#media-(\d+)$/.exec(writer.url());
    expect(match, `unexpected address after uploading: ${writer.url()}`).toBeTruthy();
    imageId = match[1];
    const row = writer.locator(`tr#media-${imageId}`);
    await expect(row).toContainText(article.imageName);
    // Kept at the widest of the server's widths that fits the upload: smaller, same shape.
    const [, width, height] = /(\d+) × (\d+)/.exec(await row.locator('td').nth(2).innerText());
    expect(Number(width)).toBeLessThanOrEqual(640);
    expect(Number(width) / Number(height)).toBeCloseTo(640 / 400, 2);
    await expectLoadedImage(row.locator('img.nr-thumb'));
  });

  await test.step('the contributor picks the lead image, saves, submits for review', async () => {
    await newsroomNav(writer).getByRole('link', { name: 'Articles', exact: true }).click();
    await writer.getByRole('link', { name: article.title, exact: true }).click();
    await expect(writer).toHaveURL(new RegExp(`/admin/articles/${articleId}/$`));
    await expect(writer.getByLabel('Body', { exact: true })).toHaveValue(body);

    await writer.getByRole('radio', { name: `${article.imageName} (image ${imageId})` }).check();
    await writer.getByLabel('Image description (alt text)').fill(article.alt);
    // A draft saves itself a few seconds after the last change; saving while that request is in
    // flight would carry an old version, so wait for it as a person would see it.
    await expect(writer.locator('[data-autosave-status]')).toHaveText(/^Draft saved at /);
    await writer.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(notice(writer)).toHaveText('Saved.');
    await expect(
      writer.getByRole('radio', { name: `${article.imageName} (image ${imageId})` }),
    ).toBeChecked();
    await expect(writer.getByLabel('Image description (alt text)')).toHaveValue(article.alt);

    await writer.getByRole('button', { name: 'Submit for review' }).click();
    await expect(notice(writer)).toHaveText('Submitted for review.');
    await expect(writer.locator('.nr-status')).toHaveText('review');
    const slug = await writer.getByLabel('Slug', { exact: true }).inputValue();
    expect(slug).not.toBe('');
    articlePath = `/${article.section}/${slug}/`;
  });

  await test.step('the editor page fits a 390px screen', async () => {
    await writer.setViewportSize({ width: 390, height: 844 });
    await writer.reload();
    await expect(writer.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
    await writer.screenshot({ path: testInfo.outputPath('editor-390.png'), fullPage: true });
    await expectNoHorizontalOverflow(writer);
    await writer.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step('the contributor can neither see nor use publishing', async () => {
    await expect(writer.getByRole('button', { name: /publish/i })).toHaveCount(0);
    await expect(writer.getByRole('button', { name: /schedule/i })).toHaveCount(0);
    await expect(writer.getByLabel('Publish at (UTC)')).toHaveCount(0);
    const form = writer.locator('form.nr-editor');
    const csrf = await form.locator('input[name=_csrf]').inputValue();
    const version = await form.locator('input[name=version]').inputValue();
    expect(csrf).not.toBe('');
    const forged = await writer.request.post(absolute(`/admin/articles/${articleId}/publish`), {
      form: { _csrf: csrf, version },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('Your role does not allow this');

    const onSite = await writer.request.get(absolute(articlePath), { maxRedirects: 0 });
    expect(onSite.status()).toBe(404);
    const home = await writer.request.get(absolute('/'));
    expect(home.status()).toBe(200);
    expect(await home.text()).not.toContain(article.title);
    await writer.reload();
    await expect(writer.locator('.nr-status')).toHaveText('review');
  });

  const desk = await newsroom.newPage();
  let publishAt;

  await test.step('the editor opens the article and previews it', async () => {
    await signIn(desk, accounts.editor);
    const waiting = desk.locator('section[aria-labelledby="col-review"]');
    await waiting.getByRole('link', { name: article.title, exact: true }).click();
    await expect(desk).toHaveURL(new RegExp(`/admin/articles/${articleId}/$`));
    await expect(desk.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
    await expect(desk.locator('.nr-status')).toHaveText('review');
    await expect(desk.getByRole('button', { name: 'Publish now' })).toBeVisible();

    const [preview] = await Promise.all([
      desk.context().waitForEvent('page'),
      desk.getByRole('button', { name: 'Preview' }).click(),
    ]);
    await preview.waitForLoadState();
    await expect(preview).toHaveURL(new RegExp(`/admin/articles/${articleId}/preview$`));
    await expectArticle(preview, article);
    await preview.close();
  });

  await test.step('the editor schedules it a few seconds ahead', async () => {
    publishAt = nextScheduleTime(Date.now());
    const field = desk.getByLabel('Publish at (UTC)');
    await field.fill(utcInputSecond(publishAt));
    expect(await field.evaluate((input) => input.validity.valid)).toBe(true);
    await desk.getByRole('button', { name: 'Schedule' }).click();
    await expect(notice(desk)).toHaveText('Scheduled.');
    await expect(desk.locator('.nr-status')).toHaveText('scheduled');
    await expect(desk.locator('p.nr-meta')).toContainText(
      `goes live ${utcInputSecond(publishAt)} UTC`,
    );
    await expect(desk.getByLabel('Publish at (UTC)')).toHaveCount(0);
  });

  const reader = await newsroom.newPage();

  await test.step('readers do not see it before its time', async () => {
    await reader.goto('/');
    await expect(reader.locator('main#main')).toBeVisible();
    await expect(reader.getByRole('link', { name: article.title, exact: true })).toHaveCount(0);
    const early = await reader.request.get(absolute(articlePath), { maxRedirects: 0 });
    expect(early.status()).toBe(404);
    expect(Date.now(), 'the checks before publication ran too late to mean anything').toBeLessThan(
      publishAt,
    );
  });

  await test.step('it reaches the home page when its time comes', async () => {
    const link = reader.getByRole('link', { name: article.title, exact: true }).first();
    await expect
      .poll(
        async () => {
          await reader.reload();
          return link.count();
        },
        {
          intervals: [1_000],
          timeout: publishAt + 30_000 - Date.now(),
          message: 'the article did not reach the home page within 30 s of its time',
        },
      )
      .toBeGreaterThan(0);
    // The server's clock is this machine's: publication may lag by the scheduler's second, but
    // must not come early.
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt);
    await link.click();
    await expect(reader).toHaveURL(new RegExp(`${articlePath}$`));
    await expectArticle(reader, article);
  });
});
