# shellcheck shell=bash
# Peer 3 of bench/run: Debian's `wordpress` package as a magazine would run it without a page
# cache plugin: nginx + php-fpm + MariaDB, its default theme, loaded with the same articles as
# Gazette. Sourced by bench/run (after bench/lib/common.sh, bench/lib/nginx.sh and
# bench/peers/gazette.sh), not run.
#
#   WordPressInstall        installs the Debian packages that are missing
#   WordPressStart          starts MariaDB, php-fpm and nginx on 127.0.0.1:$WP_PORT
#   WordPressLoad SITE      installs the blog and loads every article of the running Gazette
#                           (serving SITE) through wp_insert_post; skipped when already done
#   WordPressWaitIdle       waits until php-fpm has finished every request queued so far
#   WordPressStop           stops the three daemons

WP_URL="http://127.0.0.1:$WP_PORT"
WP_ROOT=/usr/share/wordpress
# Debian's wp-config.php loads /etc/wordpress/config-$WORDPRESS_CONFIG.php when that variable is
# set (nginx passes it as a FastCGI parameter, the PHP command line in the environment), and
# otherwise a file named after the Host header. A name of our own leaves any other WordPress of
# the machine alone.
WP_CONFIG_NAME=gazette-bench
WP_CONFIG="/etc/wordpress/config-$WP_CONFIG_NAME.php"
WP_DB=gazette_bench_wp
WP_DB_USER=gazette_bench
WP_THEME=twentytwentythree # the default theme of WordPress 6.1, Debian 12's version
MARIADB_SOCK="$BENCH_RUN/mariadb.sock"
MARIADB_PID="$BENCH_RUN/mariadb.pid"
FPM_SOCK="$BENCH_RUN/php-fpm.sock"
FPM_PID="$BENCH_RUN/php-fpm.pid"
WP_PACKAGES=(nginx php-fpm php-cli php-mysql php-mbstring php-xml mariadb-server wordpress
  "wordpress-theme-$WP_THEME")

WordPressInstall() {
  # `wordpress` depends on "apache2 | httpd" and php on "libapache2-mod-php | php-fpm": without
  # the trailing '-' apt would pick Apache and mod_php. Apache would not run (policy-rc.d), but
  # the web server of this peer is nginx.
  EnsurePackages "${WP_PACKAGES[@]}" apache2- apache2-bin- libapache2-mod-php8.2- libapache2-mod-php-
}

MariaDb() { mariadb --no-defaults --socket="$MARIADB_SOCK" -uroot "$@"; }

StartMariaDb() {
  local datadir="$BENCH_STATE/mariadb"
  mkdir -p "$datadir"
  chown mysql:mysql "$datadir"
  # skip-networking: no TCP listener at all, WordPress talks to it over the unix socket.
  # Otherwise MariaDB 10.11's defaults (innodb_buffer_pool_size = 128M).
  cat >"$BENCH_STATE/mariadb.cnf" <<CNF
[mysqld]
datadir = $datadir
socket = $MARIADB_SOCK
pid-file = $MARIADB_PID
log-error = $BENCH_LOG/mariadb.err
user = mysql
skip-networking
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_520_ci
CNF
  if [[ ! -d "$datadir/mysql" ]]; then
    Log "initialising MariaDB in $datadir"
    mariadb-install-db --defaults-file="$BENCH_STATE/mariadb.cnf" --user=mysql \
      --auth-root-authentication-method=socket --skip-test-db >"$BENCH_LOG/mariadb-install.log" 2>&1 ||
      Die "mariadb-install-db failed (log: $BENCH_LOG/mariadb-install.log)"
  fi
  Log "starting MariaDB"
  # mariadbd itself, not mysqld_safe: its pid is the one to stop.
  nohup /usr/sbin/mariadbd --defaults-file="$BENCH_STATE/mariadb.cnf" >>"$BENCH_LOG/mariadb.out" 2>&1 </dev/null &
  WaitFor "MariaDB" 60 MariaDb -e 'SELECT 1'
  WaitFor "MariaDB pid file" 10 test -s "$MARIADB_PID"
}

# A password for the blog's database user, made once: the database listens on no port, but a
# fixed password in a public repository is still a bad habit.
DbPassword() {
  local file="$BENCH_STATE/wp-db-password"
  [[ -s $file ]] || (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$file")
  cat "$file"
}

WriteWpConfig() {
  local salts="" key
  if [[ -f $WP_CONFIG ]] && ! grep -q 'Gazette bench/run' "$WP_CONFIG"; then
    Die "$WP_CONFIG exists and was not written by bench/run: not overwriting it"
  fi
  for key in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT \
    LOGGED_IN_SALT NONCE_SALT; do
    salts+="define('$key', '$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')');"$'\n'
  done
  # WP_CONTENT_DIR: Debian keeps wp-content (themes, plugins) in /var/lib/wordpress, outside the
  # web root. No internet and no cron: WordPress must not try to reach wordpress.org nor fire
  # wp-cron.php loopback requests in the middle of a measurement.
  cat >"$WP_CONFIG" <<PHP
<?php
// Written by Gazette bench/run (bench/peers/wordpress.sh) for a local benchmark.
define('DB_NAME', '$WP_DB');
define('DB_USER', '$WP_DB_USER');
define('DB_PASSWORD', '$(DbPassword)');
define('DB_HOST', 'localhost:$MARIADB_SOCK');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '$WP_URL');
define('WP_SITEURL', '$WP_URL');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('WP_DEBUG', false);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
$salts
PHP
  chown root:www-data "$WP_CONFIG"
  chmod 0640 "$WP_CONFIG"
}

StartPhpFpm() {
  # Debian's stock pool (www.conf): pm = dynamic, 5 children at most. A status page lets
  # WordPressWaitIdle see when the requests wrk left queued are done.
  cat >"$BENCH_STATE/php-fpm.conf" <<CNF
[global]
pid = $FPM_PID
error_log = $BENCH_LOG/php-fpm.log
daemonize = yes

[gazette-bench]
user = www-data
group = www-data
listen = $FPM_SOCK
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = dynamic
pm.max_children = 5
pm.start_servers = 2
pm.min_spare_servers = 1
pm.max_spare_servers = 3
pm.status_path = /fpm-status
CNF
  Log "starting php-fpm"
  # php.ini and conf.d (OPcache on) are Debian's, from /etc/php/8.2/fpm.
  /usr/sbin/php-fpm8.2 --fpm-config "$BENCH_STATE/php-fpm.conf" >>"$BENCH_LOG/php-fpm.out" 2>&1
  WaitFor "php-fpm socket" 20 test -S "$FPM_SOCK"
  WaitFor "php-fpm pid file" 10 test -s "$FPM_PID"
}

StartWpNginx() {
  # Pretty permalinks (everything that is not a file goes to index.php), Debian's wp-content
  # outside the web root, and fastcgi.conf as Debian's snippets/fastcgi-php.conf has it.
  NginxStart wordpress "
    server {
        listen 127.0.0.1:$WP_PORT;
        root $WP_ROOT;
        index index.php;
        location / { try_files \$uri \$uri/ /index.php?\$args; }
        location ^~ /wp-content/ { alias /var/lib/wordpress/wp-content/; }
        location = /fpm-status {
            allow 127.0.0.1;
            deny all;
            include /etc/nginx/fastcgi.conf;
            fastcgi_pass unix:$FPM_SOCK;
        }
        location ~ \\.php\$ {
            fastcgi_split_path_info ^(.+?\\.php)(/.*)\$;
            try_files \$fastcgi_script_name =404;
            fastcgi_index index.php;
            include /etc/nginx/fastcgi.conf;
            fastcgi_param WORDPRESS_CONFIG $WP_CONFIG_NAME;
            fastcgi_pass unix:$FPM_SOCK;
        }
    }"
}

WordPressStart() {
  PortFree "$WP_PORT" || Die "127.0.0.1:$WP_PORT is already in use"
  StartMariaDb
  WriteWpConfig
  StartPhpFpm
  StartWpNginx
}

# WpPhp SCRIPT ARGS...: a PHP command-line script that loads WordPress with this rig's
# configuration.
WpPhp() {
  WORDPRESS_CONFIG="$WP_CONFIG_NAME" php -d memory_limit=1024M -d allow_url_fopen=1 "$@"
}

# The blog is (re)made only when it does not hold the articles of this very site: the stamp
# names the site folder, its number of articles and its newest article's id and time. (Not the
# database file's time: serving writes to it.)
WordPressLoad() {
  local site=$1 stamp want
  stamp="$BENCH_STATE/wordpress-loaded"
  want="$site $(ApiGet 'articles/?limit=1' | jq -r '"\(.meta.total) \(.articles[0].id) \(.articles[0].updated_at)"')"
  if [[ -s $stamp && $(cat "$stamp") == "$want" && $(HttpCode "$WP_URL/") == 200 ]]; then
    Log "WordPress already holds the articles of $site"
    return 0
  fi
  rm -f "$stamp"
  Log "creating the WordPress database"
  MariaDb <<SQL
DROP DATABASE IF EXISTS $WP_DB;
CREATE DATABASE $WP_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
CREATE USER IF NOT EXISTS '$WP_DB_USER'@'localhost' IDENTIFIED BY '$(DbPassword)';
ALTER USER '$WP_DB_USER'@'localhost' IDENTIFIED BY '$(DbPassword)';
GRANT ALL PRIVILEGES ON $WP_DB.* TO '$WP_DB_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
  # Two processes: WordPress loaded while installing (WP_INSTALLING) does not load themes.
  WpPhp "$BENCH_DIR/peers/wp-setup.php" install "$WP_URL" >&2 || Die "WordPress install failed"
  WpPhp "$BENCH_DIR/peers/wp-setup.php" configure "$WP_URL" "$WP_THEME" >&2 ||
    Die "WordPress configuration failed"
  Log "loading the articles of $GAZETTE_URL into WordPress (wp_insert_post)"
  WpPhp "$BENCH_DIR/peers/wp-load.php" "$WP_URL" "$GAZETTE_URL/api/content/v1/" >&2 ||
    Die "loading WordPress failed"
  [[ $(HttpCode "$WP_URL/") == 200 ]] || Die "WordPress's home page does not answer 200"
  printf '%s\n' "$want" >"$stamp"
}

# php-fpm still works through the requests wrk left in its queue when it stopped; the next
# measurement must not start on top of them.
WordPressWaitIdle() {
  local i status active queue
  for ((i = 0; i < 3000; i++)); do
    status=$(curl -s --max-time 60 "$WP_URL/fpm-status" || true)
    active=$(awk -F': +' '/^active processes/ { print $2 }' <<<"$status")
    queue=$(awk -F': +' '/^listen queue:/ { print $2 }' <<<"$status")
    # the status request is itself one active process
    [[ $active == 1 && $queue == 0 ]] && return 0
    sleep 0.2
  done
  Log "warning: php-fpm still busy after 10 minutes"
}

WordPressStop() {
  NginxStop wordpress
  StopPidFile php-fpm "$FPM_PID"
  StopPidFile MariaDB "$MARIADB_PID"
}
