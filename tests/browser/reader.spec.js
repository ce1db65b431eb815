// A reader's visit in a real browser: home → a section from the navigation → an article with
// footnotes → a reference and back; pages at phone and desktop widths; pages without JavaScript.
// Any console error or uncaught page error on any page fails the test.
const { test: base, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');

const demoDir = path.resolve(__dirname, '..', '..', 'demo');

// The demo's articles as their front matter says: { title, section, lead, hasFootnotes }.
function demoArticles() {
  const dir = path.join(demoDir, 'articles');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const [, front, body] = /^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/.exec(text);
      const field = (key) => JSON.parse(new RegExp(`^${key} = (".*")$`, 'm').exec(front)[1]);
      return {
        title: field('title'),
        section: field('section'),
        lead: /^lead = true$/m.test(front),
        hasFootnotes: body.includes('[^'),
      };
    });
}

function siteName() {
  const toml = fs.readFileSync(path.join(demoDir, 'site.toml'), 'utf8');
  return JSON.parse(/^\[site\][\s\S]*?^name = (".*")$/m.exec(toml)[1]);
}

// Every page a test opens is watched for console errors and uncaught exceptions.
const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    await use(page);
    expect(problems, problems.join('\n')).toEqual([]);
  },
});

test.use({ baseURL: process.env.GAZETTE_URL });

const articleWithFootnotes = demoArticles().find((article) => article.hasFootnotes);

async function expectNoHorizontalOverflow(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(
    innerWidth,
  );
}

// Goes from the home page to the article through the navigation and the section page.
async function openArticleFromHome(page, article) {
  await page.goto('/');
  await page.locator(`nav a[href="/${article.section}/"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/${article.section}/$`));
  await page.getByRole('link', { name: article.title, exact: true }).first().click();
  await expect(page.locator('h1')).toHaveText(article.title);
}

test('a reader follows a footnote and comes back', async ({ page }) => {
  expect(articleWithFootnotes, 'the demo has no article with footnotes').toBeTruthy();
  await page.goto('/');
  await expect(page).toHaveTitle(new RegExp(siteName()));
  await openArticleFromHome(page, articleWithFootnotes);

  const reference = page.locator('sup.footnote-ref a[href="#fn-1"]').first();
  await reference.click();
  await expect(page).toHaveURL(/#fn-1$/);
  const note = page.locator('li#fn-1');
  await expect(note).toBeInViewport();
  expect(await note.evaluate((element) => element.matches(':target'))).toBe(true);

  await note.locator('a[href="#fnref-1"]').first().click();
  await expect(page).toHaveURL(/#fnref-1$/);
  await expect(page.locator('#fnref-1')).toBeInViewport();
});

for (const width of [390, 1280]) {
  test(`home and article fit a ${width}px screen`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    await page.goto('/');
    await expect(page.locator('body')).toContainText(siteName());
    await page.screenshot({ path: testInfo.outputPath(`home-${width}.png`), fullPage: true });
    if (width === 390) await expectNoHorizontalOverflow(page);

    await openArticleFromHome(page, articleWithFootnotes);
    await page.screenshot({ path: testInfo.outputPath(`article-${width}.png`), fullPage: true });
    if (width === 390) await expectNoHorizontalOverflow(page);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('pages still show their content', async ({ page }) => {
    const lead = demoArticles().find((article) => article.lead);
    await page.goto('/');
    await expect(page.locator('body')).toContainText(siteName());
    await expect(page.getByRole('link', { name: lead.title, exact: true }).first()).toBeVisible();

    await openArticleFromHome(page, articleWithFootnotes);
    await expect(page.locator('article p').first()).toBeVisible();
    await expect(page.locator('section.footnotes li#fn-1')).toBeAttached();
    await page.locator('sup.footnote-ref a[href="#fn-1"]').first().click();
    await expect(page).toHaveURL(/#fn-1$/);
  });
});
