{{%AUTOESCAPE context="HTML"}}<section class="nr-error">
<h1>{{TITLE}}</h1>
<p>{{MESSAGE}}</p>
<p class="nr-muted">HTTP {{STATUS}}</p>
<p><a href="/admin/">Back to the newsroom</a></p>
</section>
