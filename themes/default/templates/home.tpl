{{%AUTOESCAPE context="HTML"}}
<div class="container page-grid">
  <main id="main" class="page-main" tabindex="-1">
    <h1 class="visually-hidden">{{SITE_NAME}}</h1>
    {{>LEAD}}
    {{#SECTION_BLOCKS}}
    <section class="block block--{{KIND}}" aria-labelledby="block-{{BLOCK_INDEX}}">
      <header class="block__header">
        <h2 class="block__heading" id="block-{{BLOCK_INDEX}}"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></h2>
        <span class="block__kind">{{KIND_LABEL}}</span>
      </header>
      <div class="card-grid">
        {{>CARDS}}
      </div>
      <p class="block__more"><a href="{{SECTION_URL}}">More from {{SECTION_NAME}} →</a></p>
    </section>
    {{/SECTION_BLOCKS}}
  </main>
  {{>TRENDING}}
</div>
