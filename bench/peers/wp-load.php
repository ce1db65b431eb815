<?php
// Loads every published article of a running Gazette into the benchmark's WordPress, through
// wp_insert_post() — the code path of WordPress's editor, REST API and importers — so that both
// serve the same articles: the title, the standfirst as the excerpt, the rendered body
// (footnotes included), the publication date, the section as the category, the tags, and the
// first author. Run by bench/peers/wordpress.sh on a freshly installed blog:
//   php wp-load.php WORDPRESS_URL CONTENT_API_URL

$gz_url = $argv[1] ?? '';
$gz_api = $argv[2] ?? '';
if ($gz_url === '' || $gz_api === '') {
    fwrite(STDERR, "usage: wp-load.php WORDPRESS_URL CONTENT_API_URL\n");
    exit(2);
}
$_SERVER['HTTP_HOST'] = parse_url($gz_url, PHP_URL_HOST) . ':' . parse_url($gz_url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

// Variables set before loading WordPress carry a prefix: loading it assigns many globals.
require '/usr/share/wordpress/wp-load.php';

function fail(string $message): never {
    fwrite(STDERR, "wp-load: $message\n");
    exit(1);
}

// api_get(PATH): the decoded JSON of a Content API answer; any failure ends the load, so that
// WordPress never ends up with part of the articles.
function api_get(string $api, string $path): array {
    $body = file_get_contents($api . $path);
    if ($body === false) {
        fail("cannot read $api$path");
    }
    $json = json_decode($body, true);
    if (!is_array($json)) {
        fail("$api$path is not JSON");
    }
    return $json;
}

// Gazette's times are ISO 8601 in UTC; WordPress wants 'Y-m-d H:i:s'.
function wp_time(string $iso): string {
    $t = strtotime($iso);
    if ($t === false) {
        fail("bad time '$iso'");
    }
    return gmdate('Y-m-d H:i:s', $t);
}

// load_categories(API): sections become categories with the same slugs, so that
// /<section>/<slug>/ is the same address on both. Returns slug => term id.
function load_categories(string $api): array {
    $categories = [];
    foreach (api_get($api, 'sections/')['sections'] as $section) {
        $term = wp_insert_term($section['name'], 'category',
                               ['slug' => $section['slug'], 'description' => $section['description']]);
        if (is_wp_error($term)) {
            fail("section {$section['slug']}: " . $term->get_error_message());
        }
        $categories[$section['slug']] = (int)$term['term_id'];
    }
    return $categories;
}

// load_users(API): authors become users (role author) who never sign in: random passwords.
// Returns slug => user id.
function load_users(string $api): array {
    $users = [];
    foreach (api_get($api, 'authors/')['authors'] as $author) {
        $id = wp_insert_user([
            'user_login' => $author['slug'],
            'user_pass' => wp_generate_password(24),
            'user_email' => $author['slug'] . '@example.invalid',
            'display_name' => $author['name'],
            'nickname' => $author['name'],
            'description' => $author['bio'],
            'role' => 'author',
        ]);
        if (is_wp_error($id)) {
            fail("author {$author['slug']}: " . $id->get_error_message());
        }
        $users[$author['slug']] = $id;
    }
    return $users;
}

// insert_article(ARTICLE, CATEGORIES, USERS): one Content API article as a published post.
function insert_article(array $article, array $categories, array $users): void {
    $section = $article['section']['slug'];
    if (!isset($categories[$section])) {
        fail("article {$article['id']}: unknown section $section");
    }
    $author = $article['authors'][0]['slug'] ?? '';
    $post = [
        'post_title' => $article['title'],
        'post_name' => $article['slug'],
        'post_excerpt' => $article['dek'],
        'post_content' => $article['body_html'],
        'post_status' => 'publish',
        'post_type' => 'post',
        'post_author' => $users[$author] ?? 1,
        'post_date' => wp_time($article['published_at']),
        'post_date_gmt' => wp_time($article['published_at']),
        'post_category' => [$categories[$section]],
        'tags_input' => array_column($article['tags'], 'name'),
        'comment_status' => 'closed',
        'ping_status' => 'closed',
    ];
    $id = wp_insert_post(wp_slash($post), true);
    if (is_wp_error($id)) {
        fail("article {$article['id']}: " . $id->get_error_message());
    }
}

// load_articles(API): every published article, a page of 100 at a time, each read whole (with
// its body) by id. Returns how many.
function load_articles(string $api, array $categories, array $users): int {
    $first = api_get($api, 'articles/?limit=100&page=1');
    $total = $first['meta']['total'];
    $loaded = 0;
    $started = microtime(true);
    for ($page = 1; $page <= $first['meta']['pages']; $page++) {
        $list = $page === 1 ? $first : api_get($api, "articles/?limit=100&page=$page");
        foreach ($list['articles'] as $summary) {
            insert_article(api_get($api, "articles/{$summary['id']}/")['articles'][0], $categories,
                           $users);
            if (++$loaded % 500 === 0) {
                fwrite(STDERR, sprintf("wp-load: %d/%d articles, %.0f s\n", $loaded, $total,
                                       microtime(true) - $started));
            }
        }
    }
    fwrite(STDERR, sprintf("wp-load: %d articles in %.1f s\n", $loaded, microtime(true) - $started));
    return $loaded;
}

// The bodies are Gazette's sanitized HTML: inserted as the administrator (unfiltered_html), so
// that WordPress's KSES filter keeps them as they are, as it would for an editor's post.
wp_set_current_user(1);
// Term counts once at the end instead of after every post, as WordPress's importers do.
wp_defer_term_counting(true);
$gz_loaded = load_articles($gz_api, load_categories($gz_api), load_users($gz_api));
wp_defer_term_counting(false);

$gz_published = (int)wp_count_posts('post')->publish;
if ($gz_published !== $gz_loaded) {
    fail("WordPress has $gz_published published posts after loading $gz_loaded");
}
