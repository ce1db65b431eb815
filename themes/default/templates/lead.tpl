{{%AUTOESCAPE context="HTML"}}
<article class="lead">
  <p class="kicker"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></p>
  <h2 class="lead__title"><a href="{{URL}}">{{TITLE}}</a></h2>
  {{#HAS_DEK}}<p class="lead__dek">{{DEK}}</p>{{/HAS_DEK}}
  <p class="meta">
    {{#HAS_AUTHORS}}<span class="meta__authors">By {{#AUTHORS}}<a href="{{AUTHOR_URL}}">{{AUTHOR_NAME}}</a>{{#AUTHORS_separator}}, {{/AUTHORS_separator}}{{/AUTHORS}}</span>{{/HAS_AUTHORS}}
    <time datetime="{{DATE_ISO}}">{{DATE_LONG}}</time>
    <span>{{READING_MINUTES}} min read</span>
    {{#HAS_PARTNER}}<span class="meta__partner">via {{PARTNER_NAME}}</span>{{/HAS_PARTNER}}
  </p>
</article>
