{{%AUTOESCAPE context="HTML"}}
<footer class="site-footer">
  <div class="site-footer__inner">
    <div class="site-footer__brand">
      <a class="site-footer__name" href="/">{{SITE_NAME}}</a>
      {{#HAS_TAGLINE}}<p class="site-footer__tagline">{{SITE_TAGLINE}}</p>{{/HAS_TAGLINE}}
    </div>
    {{#HAS_REGIONS}}
    <nav class="site-footer__nav" aria-labelledby="footer-regions">
      <h2 class="site-footer__heading" id="footer-regions">Regions</h2>
      <ul>
        {{#REGIONS}}<li><a href="{{URL}}">{{NAME}}</a></li>{{/REGIONS}}
      </ul>
    </nav>
    {{/HAS_REGIONS}}
    {{#HAS_TOPICS}}
    <nav class="site-footer__nav" aria-labelledby="footer-topics">
      <h2 class="site-footer__heading" id="footer-topics">Topics</h2>
      <ul>
        {{#TOPICS}}<li><a href="{{URL}}">{{NAME}}</a></li>{{/TOPICS}}
      </ul>
    </nav>
    {{/HAS_TOPICS}}
  </div>
  <p class="site-footer__legal">{{#HAS_YEAR}}© {{YEAR}} {{/HAS_YEAR}}{{SITE_NAME}}. Published with Gazette.</p>
</footer>
