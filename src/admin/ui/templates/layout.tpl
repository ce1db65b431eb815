{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{TITLE}} · {{SITE_NAME}} newsroom</title>
<link rel="stylesheet" href="{{STYLESHEET_URL}}">
<link rel="icon" href="{{ICON_URL}}" type="image/svg+xml">
<script src="{{SCRIPT_URL}}" defer></script>
</head>
<body class="newsroom">
<header class="nr-header">
<a class="nr-brand" href="/admin/">{{SITE_NAME}} <span>newsroom</span></a>
{{#NAV}}
<nav class="nr-nav" aria-label="Newsroom">
<a href="/admin/">Dashboard</a>
<a href="/admin/articles/">Articles</a>
<a href="/admin/articles/new">New article</a>
<a href="/admin/media/">Media</a>
{{#IS_EDITOR}}<a href="/admin/sections/">Sections</a>
<a href="/admin/partners/">Partners</a>{{/IS_EDITOR}}
{{#IS_ADMIN}}<a href="/admin/users/">Users</a>
<a href="/admin/settings/">Settings</a>{{/IS_ADMIN}}
<a href="/" target="_blank" rel="noopener">View site</a>
</nav>
{{#USER}}<div class="nr-user"><a href="/admin/profile/">{{NAME}}</a> <span class="nr-role">{{ROLE}}</span>
{{#SIGNED_IN}}<form method="post" action="/admin/logout" class="nr-inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<button type="submit" class="nr-link">Sign out</button>
</form>{{/SIGNED_IN}}</div>{{/USER}}
{{/NAV}}
</header>
<main class="nr-main" id="main">
{{#NOTICE}}<p class="nr-notice" role="status">{{NOTICE}}</p>{{/NOTICE}}
{{>PAGE}}
</main>
</body>
</html>
