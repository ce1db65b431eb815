{{%AUTOESCAPE context="HTML"}}
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{DOCUMENT_TITLE}}</title>
{{#HAS_DESCRIPTION}}<meta name="description" content="{{DESCRIPTION}}">{{/HAS_DESCRIPTION}}
{{#HAS_CANONICAL}}<link rel="canonical" href="{{CANONICAL_URL}}">{{/HAS_CANONICAL}}
{{#NOINDEX}}<meta name="robots" content="noindex, follow">{{/NOINDEX}}
<meta name="color-scheme" content="light dark">
<meta property="og:site_name" content="{{SITE_NAME}}">
<meta property="og:type" content="{{OG_TYPE}}">
<meta property="og:title" content="{{OG_TITLE}}">
{{#HAS_DESCRIPTION}}<meta property="og:description" content="{{DESCRIPTION}}">{{/HAS_DESCRIPTION}}
{{#HAS_CANONICAL}}<meta property="og:url" content="{{CANONICAL_URL}}">{{/HAS_CANONICAL}}
<meta name="twitter:card" content="summary">
{{#HAS_ICON}}<link rel="icon" href="{{ICON_URL}}" type="image/svg+xml">{{/HAS_ICON}}
{{#HAS_STYLESHEET}}<link rel="stylesheet" href="{{STYLESHEET_URL}}">{{/HAS_STYLESHEET}}
{{#HAS_SCRIPT}}<script src="{{SCRIPT_URL}}" defer></script>{{/HAS_SCRIPT}}
</head>
