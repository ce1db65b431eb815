{{%AUTOESCAPE context="HTML"}}
{{! The frame of every page. CONTENT is the page's own template: home, list, article or an error page. }}
<!DOCTYPE html>
<html lang="{{SITE_LANGUAGE}}">
{{>HEAD}}
<body class="page page--{{PAGE_KIND}}">
{{>MASTHEAD}}
{{>CONTENT}}
{{>FOOTER}}
</body>
</html>
