{{%AUTOESCAPE context="HTML"}}
<div class="container page-grid">
  <main id="main" class="page-main" tabindex="-1">
    <header class="list-header">
      <p class="kicker">{{KIND_LABEL}}</p>
      <h1 class="list-header__title">{{HEADING}}</h1>
      {{#HAS_DESCRIPTION}}<p class="list-header__description">{{DESCRIPTION}}</p>{{/HAS_DESCRIPTION}}
      {{#HAS_EXTERNAL}}<p class="list-header__external"><a href="{{EXTERNAL_URL}}" rel="noopener">{{EXTERNAL_LABEL}} ↗</a></p>{{/HAS_EXTERNAL}}
    </header>
    <section class="list" aria-labelledby="list-heading">
      <h2 class="visually-hidden" id="list-heading">Articles</h2>
      {{>ARTICLES}}
      {{#NO_ARTICLES}}<p class="list__empty">Nothing has been published here yet.</p>{{/NO_ARTICLES}}
    </section>
    {{>PAGINATION}}
  </main>
  {{>TRENDING}}
</div>
