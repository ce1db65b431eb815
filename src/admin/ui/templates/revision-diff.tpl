{{%AUTOESCAPE context="HTML"}}<p><a href="{{HISTORY_URL}}">← History</a> · <a href="{{EDIT_URL}}">{{ARTICLE_TITLE}}</a></p>
<h1>Changes</h1>
<p class="nr-muted">From {{FROM_LABEL}} to {{TO_LABEL}}. Lines marked − were removed, lines marked + were added.</p>
{{#FIELDS}}
<section class="nr-panel">
<h2>{{NAME}}</h2>
{{#SAME}}<p class="nr-muted">No changes.</p>{{/SAME}}
{{#HUNKS}}<pre class="nr-diff"><span class="nr-muted">{{HEADER}}</span>
{{#LINES}}<span{{#CLASS}} class="{{CLASS}}"{{/CLASS}}>{{SIGN}} {{TEXT}}</span>
{{/LINES}}</pre>
{{/HUNKS}}
</section>
{{/FIELDS}}
