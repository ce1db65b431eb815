{{%AUTOESCAPE context="HTML"}}
<nav class="pagination" aria-label="Pages">
  {{#HAS_PREVIOUS}}<a class="pagination__link pagination__link--previous" href="{{PREVIOUS_URL}}" rel="prev">← Previous</a>{{/HAS_PREVIOUS}}
  {{#NUMBERED}}<span class="pagination__status">Page {{PAGE}} of {{TOTAL_PAGES}}</span>{{/NUMBERED}}
  {{#HAS_NEXT}}<a class="pagination__link pagination__link--next" href="{{NEXT_URL}}" rel="next">Next →</a>{{/HAS_NEXT}}
</nav>
