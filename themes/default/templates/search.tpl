{{%AUTOESCAPE context="HTML"}}
<div class="container page-grid">
  <main id="main" class="page-main" tabindex="-1">
    <header class="list-header">
      <p class="kicker">Search</p>
      <h1 class="list-header__title">{{#SEARCHED}}{{TOTAL}} {{RESULTS_NOUN}} for “{{QUERY}}”{{/SEARCHED}}{{#NOT_SEARCHED}}Search the articles{{/NOT_SEARCHED}}</h1>
    </header>
    <form class="search-form" action="/search" method="get" role="search">
      <p class="search-form__row">
        <label class="visually-hidden" for="search-q">Search for</label>
        <input class="search-form__query" id="search-q" type="search" name="q" value="{{QUERY}}" maxlength="200" placeholder="Words, &quot;a phrase&quot;, or a prefix*">
        <button class="search-form__submit" type="submit">Search</button>
      </p>
      <fieldset class="search-form__filters">
        <legend>Narrow it down</legend>
        <label>Section
          <select name="section">{{#SECTION_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SECTION_OPTIONS}}</select>
        </label>
        <label>Author
          <select name="author">{{#AUTHOR_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AUTHOR_OPTIONS}}</select>
        </label>
        <label>From <input type="date" name="from" value="{{FROM}}"></label>
        <label>To <input type="date" name="to" value="{{TO}}"></label>
      </fieldset>
    </form>
    {{#SEARCHED}}
    <section class="list search-results" aria-labelledby="results-heading">
      <h2 class="visually-hidden" id="results-heading">Results</h2>
      {{#RESULTS}}
      <article class="card card--row search-result">
        <p class="kicker"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></p>
        <h3 class="card__title"><a href="{{URL}}">{{TITLE}}</a></h3>
        <p class="search-result__snippet">{{SNIPPET_HTML:none}}</p>
        <p class="meta">
          {{#HAS_AUTHORS}}<span class="meta__authors">{{#AUTHORS}}<a href="{{AUTHOR_URL}}">{{AUTHOR_NAME}}</a>{{#AUTHORS_separator}}, {{/AUTHORS_separator}}{{/AUTHORS}}</span>{{/HAS_AUTHORS}}
          <time datetime="{{DATE_ISO}}">{{DATE_LONG}}</time>
          {{#HAS_PARTNER}}<span class="meta__partner">via {{PARTNER_NAME}}</span>{{/HAS_PARTNER}}
        </p>
      </article>
      {{/RESULTS}}
      {{#NO_RESULTS}}
      <div class="search-empty">
        <p>No articles match “{{QUERY}}”.</p>
        <ul>
          <li>Check the spelling, or try fewer or more general words.</li>
          <li>Every word must appear: leave out the ones that matter least.</li>
          <li>End a word with * to find every word it begins (<i>sanction*</i>).</li>
          <li>Clear the section, author and date filters.</li>
        </ul>
      </div>
      {{/NO_RESULTS}}
    </section>
    {{>PAGINATION}}
    {{/SEARCHED}}
    {{#HAS_SUGGESTIONS}}
    <section class="list" aria-labelledby="suggestions-heading">
      <h2 class="section-heading" id="suggestions-heading">Latest articles</h2>
      {{>SUGGESTIONS}}
    </section>
    {{/HAS_SUGGESTIONS}}
  </main>
</div>
