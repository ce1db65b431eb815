{{%AUTOESCAPE context="HTML"}}
<div class="container">
  <main id="main" class="page-main error-page" tabindex="-1">
    <p class="error-page__status">Error {{STATUS}}</p>
    <h1 class="error-page__title">{{HEADING}}</h1>
    <p class="error-page__message">{{MESSAGE}}</p>
    <p><a class="button" href="/">Go to the front page</a></p>
    {{#HAS_LATEST}}
    <section class="block" aria-labelledby="latest-heading">
      <header class="block__header">
        <h2 class="block__heading" id="latest-heading">Latest</h2>
      </header>
      <div class="card-grid card-grid--wide">
        {{>LATEST}}
      </div>
    </section>
    {{/HAS_LATEST}}
  </main>
</div>
