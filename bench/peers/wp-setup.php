<?php
// Installs the benchmark's WordPress without a browser (what wp-admin/install.php does) and
// gives it the settings that make its pages comparable with Gazette's. Run by
// bench/peers/wordpress.sh with WORDPRESS_CONFIG set, in two processes because WordPress loaded
// while installing does not load themes:
//   php wp-setup.php install   URL
//   php wp-setup.php configure URL THEME

$gz_mode = $argv[1] ?? '';
$gz_url = $argv[2] ?? '';
$gz_theme = $argv[3] ?? '';
if (!in_array($gz_mode, ['install', 'configure'], true) || $gz_url === '' ||
    ($gz_mode === 'configure' && $gz_theme === '')) {
    fwrite(STDERR, "usage: wp-setup.php install URL | configure URL THEME\n");
    exit(2);
}
// WordPress reads the request's address even on the command line.
$_SERVER['HTTP_HOST'] = parse_url($gz_url, PHP_URL_HOST) . ':' . parse_url($gz_url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
if ($gz_mode === 'install') {
    define('WP_INSTALLING', true);
}

// Top-level variables carry a prefix: loading WordPress assigns globals such as $theme.

// wp_install() mails the new admin; there is no mail here. The function is pluggable.
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password) {}

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if ($gz_mode === 'install') {
    if (is_blog_installed()) {
        fwrite(STDERR, "wp-setup: already installed\n");
        exit(0);
    }
    // Nobody signs in to this blog: the password is random and never shown.
    wp_install('Gazette benchmark (WordPress)', 'admin', 'admin@example.invalid', false, '',
               wp_generate_password(24));
    fwrite(STDERR, "wp-setup: installed\n");
    exit(0);
}

// wp_install() writes a sample post and page: the blog holds only Gazette's articles.
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1])
         as $gz_post) {
    wp_delete_post($gz_post->ID, true);
}

// The same number of articles per listing (Gazette's default articles_per_page) and per feed
// (Gazette's feeds carry 20 whole articles); no comments, pings or trackbacks.
update_option('posts_per_page', 10);
update_option('posts_per_rss', 20);
update_option('rss_use_excerpt', 0);
update_option('default_comment_status', 'closed');
update_option('default_ping_status', 'closed');
update_option('default_pingback_flag', 0);
update_option('timezone_string', 'UTC');

// Article addresses as Gazette's: /<section>/<slug>/ (the category is the section).
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%category%/%postname%/');
$wp_rewrite->flush_rules(false);  // rules in the database; nginx needs no .htaccess

if (!wp_get_theme($gz_theme)->exists()) {
    fwrite(STDERR, "wp-setup: theme $gz_theme is not installed\n");
    exit(1);
}
if (get_stylesheet() !== $gz_theme) {
    switch_theme($gz_theme);
}
fwrite(STDERR, 'wp-setup: theme ' . get_stylesheet() . ', permalinks ' .
               get_option('permalink_structure') . "\n");
