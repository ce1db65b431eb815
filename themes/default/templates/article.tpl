{{%AUTOESCAPE context="HTML"}}
<div class="container page-grid">
  <main id="main" class="page-main" tabindex="-1">
    <article class="article">
      <header class="article__header">
        <p class="kicker"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></p>
        <h1 class="article__title">{{TITLE}}</h1>
        {{#HAS_DEK}}<p class="article__dek">{{DEK}}</p>{{/HAS_DEK}}
        <div class="byline">
          {{#HAS_AUTHORS}}<p class="byline__authors">By {{#AUTHORS}}<a href="{{AUTHOR_URL}}" rel="author">{{AUTHOR_NAME}}</a>{{#AUTHORS_separator}}, {{/AUTHORS_separator}}{{/AUTHORS}}</p>{{/HAS_AUTHORS}}
          <p class="meta byline__meta">
            <time datetime="{{DATE_ISO}}">{{DATE_LONG}}</time>
            <time datetime="{{DATE_ISO}}" title="{{DATE_LONG}}" data-relative>{{DATE_RELATIVE}}</time>
            <span>{{READING_MINUTES}} min read</span>
          </p>
        </div>
      </header>
      {{#LEAD_IMAGE}}
      <figure class="article__image">
        <picture>
          {{#IMAGE_SOURCES}}<source type="{{SOURCE_TYPE}}" srcset="{{SOURCE_SRCSET}}" sizes="(min-width: 52rem) 48rem, 100vw">{{/IMAGE_SOURCES}}
          <img src="{{IMAGE_SRC}}" srcset="{{IMAGE_SRCSET}}" sizes="(min-width: 52rem) 48rem, 100vw" width="{{IMAGE_WIDTH}}" height="{{IMAGE_HEIGHT}}" alt="{{IMAGE_ALT}}" decoding="async">
        </picture>
      </figure>
      {{/LEAD_IMAGE}}
      {{#CREDIT}}
      <aside class="credit" aria-label="Partner credit">
        <p class="credit__label">Partner content</p>
        <p class="credit__text">First published in our partner <a href="{{CREDIT_ORIGINAL_URL}}" rel="noopener">{{CREDIT_NAME}}</a>.</p>
        {{#HAS_PARTNER_PAGE}}<p><a class="credit__more" href="{{CREDIT_PARTNER_URL}}">More from {{CREDIT_NAME}} →</a></p>{{/HAS_PARTNER_PAGE}}
      </aside>
      {{/CREDIT}}
      <div class="article__body prose">
{{BODY_HTML:none}}
      </div>
      {{#HAS_TAGS}}
      <footer class="article__footer">
        <h2 class="visually-hidden">Tags</h2>
        <ul class="tags">
          {{#TAGS}}<li><a href="{{TAG_URL}}" rel="tag">{{TAG_NAME}}</a></li>{{/TAGS}}
        </ul>
      </footer>
      {{/HAS_TAGS}}
    </article>
    {{#HAS_RELATED}}
    <section class="block related" aria-labelledby="related-heading">
      <header class="block__header">
        <h2 class="block__heading" id="related-heading">Related reading</h2>
      </header>
      <div class="card-grid">
        {{>RELATED_CARDS}}
      </div>
    </section>
    {{/HAS_RELATED}}
    {{#HAS_MORE}}
    <section class="block more" aria-labelledby="more-heading">
      <header class="block__header">
        <h2 class="block__heading" id="more-heading">More in <a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></h2>
      </header>
      <div class="card-grid">
        {{>MORE_CARDS}}
      </div>
    </section>
    {{/HAS_MORE}}
  </main>
  {{>TRENDING}}
</div>
