{{%AUTOESCAPE context="HTML"}}
<aside class="rail" aria-labelledby="rail-heading">
  <h2 class="rail__heading" id="rail-heading">{{HEADING}}</h2>
  <ol class="trending">
    {{#ITEMS}}
    <li class="trending__item"><a class="trending__section" href="{{SECTION_URL}}">{{SECTION_NAME}}</a> <span class="sep">·</span> <time datetime="{{DATE_ISO}}" title="{{DATE_LONG}}" data-relative>{{DATE_RELATIVE}}</time> <span class="sep sep--title">·</span> <a class="trending__title" href="{{URL}}">{{TITLE}}</a></li>
    {{/ITEMS}}
  </ol>
</aside>
