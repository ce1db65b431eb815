{{%AUTOESCAPE context="HTML"}}
<a class="skip-link" href="#main">Skip to main content</a>
<header class="masthead">
  <div class="masthead__brand">
    <a class="masthead__name" href="/">{{SITE_NAME}}</a>
    {{#HAS_TAGLINE}}<p class="masthead__tagline">{{SITE_TAGLINE}}</p>{{/HAS_TAGLINE}}
  </div>
  <form class="masthead__search" action="/search" method="get" role="search">
    <label class="visually-hidden" for="masthead-q">Search articles</label>
    <input id="masthead-q" type="search" name="q" maxlength="200" placeholder="Search">
    <button type="submit">Search</button>
  </form>
  <nav class="sitenav" aria-label="Sections">
    <div class="sitenav__inner">
      {{#HAS_REGIONS}}
      <div class="sitenav__group">
        <span class="sitenav__label" id="nav-regions">Regions</span>
        <ul class="sitenav__list" aria-labelledby="nav-regions">
          {{#REGIONS}}<li><a href="{{URL}}">{{NAME}}</a></li>{{/REGIONS}}
        </ul>
      </div>
      {{/HAS_REGIONS}}
      {{#HAS_TOPICS}}
      <div class="sitenav__group">
        <span class="sitenav__label" id="nav-topics">Topics</span>
        <ul class="sitenav__list" aria-labelledby="nav-topics">
          {{#TOPICS}}<li><a href="{{URL}}">{{NAME}}</a></li>{{/TOPICS}}
        </ul>
      </div>
      {{/HAS_TOPICS}}
    </div>
  </nav>
</header>
