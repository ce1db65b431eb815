{{%AUTOESCAPE context="HTML"}}
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{DOCUMENT_TITLE}}</title>
{{#HAS_DESCRIPTION}}<meta name="description" content="{{DESCRIPTION}}">{{/HAS_DESCRIPTION}}
{{#HAS_CANONICAL}}<link rel="canonical" href="{{CANONICAL_URL}}">{{/HAS_CANONICAL}}
{{#NOINDEX}}<meta name="robots" content="noindex, follow">{{/NOINDEX}}
{{#FEEDS}}<link rel="alternate" type="{{FEED_TYPE}}" title="{{FEED_TITLE}}" href="{{FEED_URL}}">{{/FEEDS}}
<meta name="color-scheme" content="light dark">
<meta property="og:site_name" content="{{SITE_NAME}}">
<meta property="og:type" content="{{OG_TYPE}}">
<meta property="og:title" content="{{OG_TITLE}}">
{{#HAS_DESCRIPTION}}<meta property="og:description" content="{{DESCRIPTION}}">{{/HAS_DESCRIPTION}}
{{#HAS_CANONICAL}}<meta property="og:url" content="{{CANONICAL_URL}}">{{/HAS_CANONICAL}}
{{#OG_IMAGE}}<meta property="og:image" content="{{OG_IMAGE_URL}}">
{{#HAS_OG_IMAGE_SIZE}}<meta property="og:image:width" content="{{OG_IMAGE_WIDTH}}">
<meta property="og:image:height" content="{{OG_IMAGE_HEIGHT}}">{{/HAS_OG_IMAGE_SIZE}}
{{#HAS_OG_IMAGE_ALT}}<meta property="og:image:alt" content="{{OG_IMAGE_ALT}}">{{/HAS_OG_IMAGE_ALT}}{{/OG_IMAGE}}
{{#OG_ARTICLE}}<meta property="article:published_time" content="{{PUBLISHED_TIME}}">
<meta property="article:modified_time" content="{{MODIFIED_TIME}}">
{{#HAS_ARTICLE_SECTION}}<meta property="article:section" content="{{ARTICLE_SECTION}}">{{/HAS_ARTICLE_SECTION}}
{{#ARTICLE_TAGS}}<meta property="article:tag" content="{{ARTICLE_TAG}}">
{{/ARTICLE_TAGS}}{{/OG_ARTICLE}}
<meta name="twitter:card" content="{{TWITTER_CARD}}">
{{#JSON_LD}}<script type="application/ld+json">{{JSON_LD_HTML:none}}</script>
{{/JSON_LD}}{{#HAS_ICON}}<link rel="icon" href="{{ICON_URL}}" type="image/svg+xml">{{/HAS_ICON}}
{{#HAS_STYLESHEET}}<link rel="stylesheet" href="{{STYLESHEET_URL}}">{{/HAS_STYLESHEET}}
{{#HAS_SCRIPT}}<script src="{{SCRIPT_URL}}" defer></script>{{/HAS_SCRIPT}}
</head>
