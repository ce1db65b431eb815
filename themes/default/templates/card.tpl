{{%AUTOESCAPE context="HTML"}}
<article class="card card--{{VARIANT}}">
  {{#HAS_KICKER}}<p class="kicker"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></p>{{/HAS_KICKER}}
  <h3 class="card__title"><a href="{{URL}}">{{TITLE}}</a></h3>
  {{#HAS_DEK}}<p class="card__dek">{{DEK}}</p>{{/HAS_DEK}}
  <p class="meta">
    {{#HAS_AUTHORS}}<span class="meta__authors">{{#AUTHORS}}<a href="{{AUTHOR_URL}}">{{AUTHOR_NAME}}</a>{{#AUTHORS_separator}}, {{/AUTHORS_separator}}{{/AUTHORS}}</span>{{/HAS_AUTHORS}}
    <time datetime="{{DATE_ISO}}">{{DATE_LONG}}</time>
    {{#HAS_PARTNER}}<span class="meta__partner">via {{PARTNER_NAME}}</span>{{/HAS_PARTNER}}
  </p>
</article>
