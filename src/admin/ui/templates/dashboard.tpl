{{%AUTOESCAPE context="HTML"}}<h1>Dashboard</h1>
<p><a class="nr-button nr-primary" href="/admin/articles/new">Write a new article</a></p>
<div class="nr-columns">
{{#COLUMNS}}
<section class="nr-panel" aria-labelledby="col-{{ID}}">
<h2 id="col-{{ID}}">{{HEADING}} <span class="nr-count">{{COUNT}}</span></h2>
{{#ARTICLES}}
<article class="nr-row">
<a href="{{EDIT_URL}}">{{TITLE}}</a>
<span class="nr-meta">{{SECTION}} · {{WHEN_LABEL}} <time datetime="{{WHEN_ISO}}">{{WHEN}}</time></span>
</article>
{{/ARTICLES}}
{{#EMPTY}}<p class="nr-muted">{{EMPTY}}</p>{{/EMPTY}}
{{#MORE_URL}}<p><a href="{{MORE_URL}}">All {{COUNT}} →</a></p>{{/MORE_URL}}
</section>
{{/COLUMNS}}
</div>
